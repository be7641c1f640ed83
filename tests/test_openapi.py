"""openapi.yaml is written by hand; these keep it honest."""
from __future__ import annotations

import re

import yaml
from openapi_spec_validator import validate

from tests.spec import load_spec

IGNORED_RULES = {"/static/<path:filename>"}


def served_operations(app) -> set[tuple[str, str]]:
    operations = set()
    for rule in app.url_map.iter_rules():
        if rule.rule in IGNORED_RULES:
            continue
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            operations.add((method.lower(), path))
    return operations


def documented_operations() -> set[tuple[str, str]]:
    methods = {"get", "post", "put", "patch", "delete"}
    return {(method, path) for path, item in load_spec()["paths"].items()
            for method in item if method in methods}


def test_spec_is_valid_openapi():
    validate(load_spec())


def test_every_route_is_documented(app):
    assert served_operations(app) - documented_operations() == set()


def test_every_documented_operation_is_served(app):
    assert documented_operations() - served_operations(app) == set()


def test_served_spec_is_the_file(client):
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    assert yaml.safe_load(response.data) == load_spec()
