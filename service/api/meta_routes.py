"""Health and the OpenAPI description."""
from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

from service.resources import project_file

bp = Blueprint("meta", __name__)



@bp.get("/v1/health")
def health():
    return jsonify(current_app.extensions["quote_service"].health())


@bp.get("/openapi.yaml")
def openapi():
    return Response(project_file("openapi.yaml").read_bytes(), mimetype="application/yaml")
