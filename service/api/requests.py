"""Reading a JSON request body strictly, with a clear 400 for each failure."""
from __future__ import annotations

import json

from flask import request

from service.api.errors import ApiError


def json_body() -> object:
    if not (request.mimetype == "application/json" or request.mimetype.endswith("+json")):
        # Requiring JSON also means a browser must ask (CORS preflight)
        # before a cross-origin page can post here.
        raise ApiError(415, "Unsupported Media Type",
                       f"send the body as application/json, not {request.mimetype or 'nothing'}")
    raw = request.get_data(cache=False)  # werkzeug enforces MAX_CONTENT_LENGTH (413)
    if not raw.strip():
        raise ApiError(400, "Bad Request", "request body is empty; send a JSON object")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "Bad Request",
                       f"request body is not valid UTF-8 (byte {exc.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(400, "Bad Request",
                       f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None


def json_object() -> dict:
    body = json_body()
    if not isinstance(body, dict):
        raise ApiError(422, "Unprocessable Content", "request body must be a JSON object",
                       {"_schema": [f"expected an object, got {type(body).__name__}"]})
    return body
