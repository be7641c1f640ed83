"""Checking real responses against the hand-written openapi.yaml.

OpenAPI 3.1 schemas are JSON Schema 2020-12, so jsonschema validates them
directly; the whole spec is registered as one resource so that its internal
``$ref``s resolve.
"""
from __future__ import annotations

import re
from functools import lru_cache

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from service.resources import project_file

SPEC_URI = "urn:quote-service:openapi"


@lru_cache(maxsize=1)
def load_spec() -> dict:
    return yaml.safe_load(project_file("openapi.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _registry() -> Registry:
    resource = Resource.from_contents(load_spec(), default_specification=_draft())
    return Registry().with_resource(SPEC_URI, resource)


def _draft():
    from referencing.jsonschema import DRAFT202012

    return DRAFT202012


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def spec_path_for(path: str) -> str | None:
    """The spec's path template that a concrete request path matches."""
    for template in load_spec()["paths"]:
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, path):
            return template
    return None


def validate_response(method: str, path: str, status: int, content_type: str, body) -> None:
    """Raise AssertionError unless the response is one the spec describes."""
    spec = load_spec()
    template = spec_path_for(path)
    operation = spec["paths"][template].get(method.lower()) if template else None
    if operation is None:
        # A route or method the API does not have: still one error shape.
        assert status in (404, 405), f"{method} {path} answered {status} but is not in openapi.yaml"
        assert content_type.startswith("application/problem+json")
        problem = {"$ref": f"{SPEC_URI}#/components/schemas/Problem"}
        Draft202012Validator(problem, registry=_registry()).validate(body)
        return
    response = operation["responses"].get(str(status))
    assert response, f"{method} {template} has no documented {status} response"
    if "$ref" in response:
        response = _resolve(response["$ref"])
    content = response.get("content")
    if not content:
        assert not body, f"{method} {template} {status} should have no body"
        return
    media = content_type.split(";")[0].strip()
    assert media in content, f"{method} {template} {status}: {media} not documented"
    if media == "application/yaml":
        return
    ref_base = ("#/components/responses/" + _pointer(response["_name"])
                if "_name" in response else
                "#/" + _pointer("paths", template, method.lower(), "responses", str(status)))
    schema = {"$ref": f"{SPEC_URI}{ref_base}/{_pointer('content', media, 'schema')}"}
    Draft202012Validator(schema, registry=_registry()).validate(body)


def _resolve(ref: str) -> dict:
    node = load_spec()
    for part in ref.lstrip("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return {**node, "_name": ref.rsplit("/", 1)[-1]}
