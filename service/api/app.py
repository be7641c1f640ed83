"""The Flask app factory: wires Config, the store, the service and the routes."""
from __future__ import annotations

import logging

from flask import Flask
from flask_cors import CORS

from service.api import document_routes, meta_routes, verify_routes
from service.api.errors import register_error_handlers
from service.api.schemas import build_schemas
from service.config import Config
from service.core import QuoteService
from service.store.sqlite import SQLiteStore


def create_app(config: Config | None = None) -> Flask:
    config = config or Config.from_env()
    logging.basicConfig(level=config.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    app.json.sort_keys = False
    app.extensions["quote_config"] = config
    app.extensions["quote_schemas"] = build_schemas(config)
    service = QuoteService(SQLiteStore(config.db_path), config)
    service.index  # build now: under gunicorn's preload, before the workers fork
    app.extensions["quote_service"] = service

    # Read endpoints may be called from any page (the browser extension);
    # writes (ingest, delete) stay same-origin.
    origins = [o.strip() for o in config.cors_origins.split(",")] if config.cors_origins != "*" else "*"
    CORS(app, resources={
        r"/v1/verify.*": {"origins": origins, "methods": ["GET", "POST"]},
        r"/v1/(quotes|documents|health).*": {"origins": origins, "methods": ["GET"]},
        r"/openapi.yaml": {"origins": origins, "methods": ["GET"]},
    })
    for blueprint in (verify_routes.bp, document_routes.bp, meta_routes.bp):
        app.register_blueprint(blueprint)
    register_error_handlers(app)
    return app
