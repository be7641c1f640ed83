"""POST/GET /v1/verify and POST /v1/verify/batch."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request
from marshmallow import ValidationError

from service.api.errors import validation_problem
from service.api.requests import json_object

bp = Blueprint("verify", __name__)


def _service():
    return current_app.extensions["quote_service"]


def _schemas():
    return current_app.extensions["quote_schemas"]


@bp.post("/v1/verify")
def verify_post():
    args = _schemas().verify.load(json_object())
    return jsonify(_service().verify(args["quote"], args["speaker"], args["limit"]))


@bp.get("/v1/verify")
def verify_get():
    args = _schemas().verify_query.load(request.args.to_dict())
    return jsonify(_service().verify(args["q"], args["speaker"], args["limit"]))


@bp.post("/v1/verify/batch")
def verify_batch():
    items = _schemas().batch.load(json_object())["items"]
    service, item_schema = _service(), _schemas().batch_item
    results = []
    for position, item in enumerate(items):
        # A bad item gets its own error; the rest of the batch still runs.
        item_id = item.get("id") if isinstance(item, dict) else None
        try:
            if not isinstance(item, dict):
                raise ValidationError({"_schema": ["each item must be a JSON object"]})
            args = item_schema.load(item)
        except ValidationError as exc:
            results.append({"index": position, "id": _safe_id(item_id), "status": 422,
                            "error": validation_problem(exc)})
            continue
        result = service.verify(args["quote"], args["speaker"], args["limit"])
        results.append({"index": position, "id": args["id"], "status": 200, **result})
    return jsonify({"results": results})


def _safe_id(value):
    ok = isinstance(value, (str, int)) and not isinstance(value, bool) and len(str(value)) <= 200
    return value if ok else None
