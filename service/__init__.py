"""Quote verification service: extract quotations from news, verify quotes.

``create_app`` is imported lazily so that the domain core (extraction,
matching, storage) can be used without importing Flask.
"""


def create_app(config=None):
    from service.api.app import create_app as _create_app

    return _create_app(config)
