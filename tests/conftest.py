from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from service import create_app
from service.config import Config
from service.resources import project_file
from tests.spec import validate_response

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEEDS = SHARED / "seeds"


class SpecCheckingClient(FlaskClient):
    """A test client that checks every response against openapi.yaml, so no
    test can pass on a response the spec does not describe."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        request = response.request
        if request.method == "OPTIONS":
            return response  # CORS preflight: answered by flask-cors, not an API operation
        body = response.get_data()
        parsed = json.loads(body) if body and response.mimetype.endswith("json") else body
        validate_response(request.method, request.path, response.status_code,
                              response.content_type or "", parsed)
        return response


@pytest.fixture
def make_config(tmp_path):
    def make(**overrides) -> Config:
        values = {"db_path": str(tmp_path / "quotes.sqlite3"),
                  "corpus_dir": str(project_file("quotes"))}
        values.update(overrides)
        return Config.from_env({}, **values)

    return make


@pytest.fixture
def app(make_config):
    app = create_app(make_config())
    app.test_client_class = SpecCheckingClient
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def empty_app(make_config, tmp_path):
    empty = tmp_path / "no-corpus"
    empty.mkdir()
    app = create_app(make_config(corpus_dir=str(empty)))
    app.test_client_class = SpecCheckingClient
    return app


@pytest.fixture
def empty_client(empty_app):
    return empty_app.test_client()
