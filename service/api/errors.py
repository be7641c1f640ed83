"""One error shape for every failure: RFC 9457 ``application/problem+json``.

``{"type", "title", "status", "detail", "errors"?}`` where ``errors`` maps a
field name to its messages. Unexpected exceptions are logged with their trace
and answered with a bare 500 problem, never a stack trace.
"""
from __future__ import annotations

import logging

from flask import Flask, jsonify
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

PROBLEM_TYPE = "about:blank"


class ApiError(Exception):
    def __init__(self, status: int, title: str, detail: str, errors: dict | None = None):
        super().__init__(detail)
        self.status, self.title, self.detail, self.errors = status, title, detail, errors


def problem(status: int, title: str, detail: str, errors: dict | None = None) -> dict:
    body = {"type": PROBLEM_TYPE, "title": title, "status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    return body


def problem_response(status: int, title: str, detail: str, errors: dict | None = None):
    response = jsonify(problem(status, title, detail, errors))
    response.status_code = status
    response.mimetype = "application/problem+json"
    return response


def validation_problem(exc: ValidationError) -> dict:
    """marshmallow's messages, flattened to field -> list of strings."""
    messages = exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages}
    errors = {field: _as_strings(msgs) for field, msgs in messages.items()}
    fields = ", ".join(sorted(errors))
    return problem(422, "Unprocessable Content", f"invalid fields: {fields}", errors)


def _as_strings(messages) -> list[str]:
    if isinstance(messages, dict):
        return [f"{k}: {m}" for k, v in messages.items() for m in _as_strings(v)]
    if isinstance(messages, (list, tuple)):
        return [m for item in messages for m in _as_strings(item)]
    return [str(messages)]


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError):
        return problem_response(exc.status, exc.title, exc.detail, exc.errors)

    @app.errorhandler(ValidationError)
    def _validation_error(exc: ValidationError):
        body = validation_problem(exc)
        return problem_response(422, body["title"], body["detail"], body["errors"])

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        detail = exc.description or exc.name
        if exc.code == 413:
            limit = app.config.get("MAX_CONTENT_LENGTH")
            detail = f"request body exceeds the limit of {limit} bytes"
        return problem_response(exc.code or 500, exc.name, detail)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unhandled error")
        return problem_response(500, "Internal Server Error", "an unexpected error occurred")
