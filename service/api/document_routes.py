"""Documents and quotes: ingest, browse, delete."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from service.api.errors import ApiError
from service.api.requests import json_object
from service.model import DocumentMeta

bp = Blueprint("documents", __name__)


def _service():
    return current_app.extensions["quote_service"]


@bp.post("/v1/documents")
def ingest_document():
    args = current_app.extensions["quote_schemas"].document.load(json_object())
    meta = DocumentMeta(title=args["title"], outlet=args["outlet"], url=args["url"],
                        published=args["published"], kind=args["kind"])
    document, quotes, created = _service().ingest(args["text"], meta)
    body = {"document": document.to_dict(), "created": created,
            "quotes": [q.to_dict() for q in quotes]}
    response = jsonify(body)
    response.status_code = 201 if created else 200
    response.headers["Location"] = f"/v1/documents/{document.id}"
    return response


@bp.get("/v1/documents")
def list_documents():
    page = current_app.extensions["quote_schemas"].page.load(request.args.to_dict())
    documents, total = _service().store.list_documents(page["limit"], page["offset"])
    return jsonify({"items": [d.to_dict() for d in documents], "total": total,
                    "limit": page["limit"], "offset": page["offset"]})


@bp.get("/v1/documents/<document_id>")
def get_document(document_id: str):
    store = _service().store
    document = store.get_document(document_id)
    if document is None:
        raise ApiError(404, "Not Found", f"no document with id {document_id!r}")
    return jsonify({"document": document.to_dict(),
                    "quotes": [q.to_dict() for q in store.document_quotes(document_id)]})


@bp.delete("/v1/documents/<document_id>")
def delete_document(document_id: str):
    if not _service().delete_document(document_id):
        raise ApiError(404, "Not Found", f"no document with id {document_id!r}")
    return "", 204


@bp.get("/v1/quotes/<quote_id>")
def get_quote(quote_id: str):
    store = _service().store
    quote = store.get_quote(quote_id)
    if quote is None:
        raise ApiError(404, "Not Found", f"no quote with id {quote_id!r}")
    document = store.get_document(quote.document_id)
    return jsonify({**quote.to_dict(), "source": document.to_dict() if document else None})
