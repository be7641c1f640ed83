"""gunicorn settings, shared by `quotes serve`, the Dockerfile and deployments:

    gunicorn -c python:service.gunicorn_conf 'service:create_app()'

The app is preloaded: the matching index is built once in the master and the
forked workers share its memory copy-on-write instead of each building its own.
"""
import gc

from service.config import Config

_config = Config.from_env()

bind = f"{_config.host}:{_config.port}"
workers = _config.workers
preload_app = True
loglevel = _config.log_level
accesslog = "-"
timeout = 60
# GET /v1/verify?q=... carries the quote in the URL; allow gunicorn's largest
# request line. Longer quotes go by POST (README).
limit_request_line = 8190
# Large request bodies are refused by the app with a 413 (QUOTES_MAX_BODY_BYTES).


def pre_fork(server, worker):
    # Move everything allocated so far (the index) out of the garbage
    # collector's reach, so collections in a worker do not touch, and so copy,
    # the shared pages.
    gc.freeze()
