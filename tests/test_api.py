"""The HTTP contract: documents, quotes, verification and every error path.

Every response here is also checked against openapi.yaml by the client
fixture (tests/conftest.py).
"""
from __future__ import annotations

import json

import pytest

# Written for this test: a mayor, a council member, a split quote and a
# plain statement.
ARTICLE = (
    "Riverton Mayor Dana Whitfield defended the city budget on Tuesday.\n\n"
    "\u201cWe will not approve a single dollar more until the audit is done,\u201d Whitfield said. "
    "\u201cThe people of Riverton deserve answers.\u201d\n\n"
    "Council member Omar Reyes disagreed. \u201cThe audit is a stalling tactic and everyone "
    "in this chamber knows it,\u201d Reyes told reporters.\n"
)


def ingest(client, text=ARTICLE, **meta):
    body = {"text": text, "title": "Budget fight", "outlet": "Riverton Ledger",
            "url": "https://ledger.example/budget", "published": "2026-03-03", **meta}
    return client.post("/v1/documents", json=body)


def problem(response, status):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status
    return body


# -- documents ---------------------------------------------------------------
def test_ingest_extracts_quotes_with_speakers(empty_client):
    response = ingest(empty_client)
    assert response.status_code == 201
    body = response.get_json()
    assert body["created"] is True
    assert response.headers["Location"] == f"/v1/documents/{body['document']['id']}"
    speakers = {q["speaker"]["name"] for q in body["quotes"] if q["speaker"]}
    assert {"Dana Whitfield", "Omar Reyes"} <= speakers
    assert body["document"]["published"] == "2026-03-03"
    assert body["document"]["quote_count"] == len(body["quotes"]) >= 2


def test_same_text_again_returns_the_stored_document(empty_client):
    first = ingest(empty_client).get_json()
    again = ingest(empty_client, title="Another title")
    assert again.status_code == 200
    assert again.get_json()["created"] is False
    assert again.get_json()["document"]["id"] == first["document"]["id"]
    assert empty_client.get("/v1/documents").get_json()["total"] == 1


def test_document_and_quote_can_be_read_back(empty_client):
    body = ingest(empty_client).get_json()
    doc_id, quote = body["document"]["id"], body["quotes"][0]
    document = empty_client.get(f"/v1/documents/{doc_id}").get_json()
    assert [q["id"] for q in document["quotes"]] == [q["id"] for q in body["quotes"]]
    read = empty_client.get(f"/v1/quotes/{quote['id']}").get_json()
    assert read["text"] == quote["text"] and read["source"]["id"] == doc_id


def test_ingested_quote_is_verifiable_at_once_and_gone_after_delete(empty_client):
    doc_id = ingest(empty_client).get_json()["document"]["id"]
    found = empty_client.post("/v1/verify", json={"quote": "the audit is a stalling tactic"})
    assert found.get_json()["verdict"] == "verified"
    assert found.get_json()["matches"][0]["speaker"]["name"] == "Omar Reyes"
    assert empty_client.delete(f"/v1/documents/{doc_id}").status_code == 204
    gone = empty_client.post("/v1/verify", json={"quote": "the audit is a stalling tactic"})
    assert gone.get_json()["verdict"] == "not_found"
    problem(empty_client.get(f"/v1/documents/{doc_id}"), 404)
    problem(empty_client.delete(f"/v1/documents/{doc_id}"), 404)


def test_documents_are_paged(empty_client):
    for i in range(3):
        ingest(empty_client, text=ARTICLE + f"\nUpdate {i}.")
    page = empty_client.get("/v1/documents?limit=2&offset=1").get_json()
    assert page["total"] == 3 and len(page["items"]) == 2 and page["offset"] == 1
    problem(empty_client.get("/v1/documents?limit=0"), 422)
    problem(empty_client.get("/v1/documents?limit=abc"), 422)


def test_health_reports_counts_and_version(empty_client):
    before = empty_client.get("/v1/health").get_json()
    ingest(empty_client)
    after = empty_client.get("/v1/health").get_json()
    assert before["documents"] == 0 and after["documents"] == 1
    assert after["quotes"] == after["indexed_quotes"] > 0
    assert after["index_version"] > before["index_version"]


# -- verification --------------------------------------------------------------
def test_get_verify_matches_post(empty_client):
    ingest(empty_client)
    post = empty_client.post("/v1/verify", json={"quote": "The people of Riverton deserve answers"})
    get = empty_client.get("/v1/verify", query_string={"q": "The people of Riverton deserve answers"})
    assert post.get_json() == get.get_json()


def test_batch_keeps_order_and_isolates_bad_items(empty_client):
    ingest(empty_client)
    response = empty_client.post("/v1/verify/batch", json={"items": [
        {"id": "a", "quote": "deserve answers"},
        {"id": "b", "quote": ""},
        "not an object",
        {"id": 7, "quote": "a stalling tactic", "speaker": "Whitfield"},
        {"id": "c", "quote": "hello", "colour": "red"},
    ]})
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["index"] for r in results] == [0, 1, 2, 3, 4]
    assert [r["status"] for r in results] == [200, 422, 422, 200, 422]
    assert results[0]["id"] == "a" and results[0]["verdict"] == "verified"
    assert "quote" in results[1]["error"]["errors"]
    assert results[3]["attribution"]["status"] == "contradicted"
    assert "colour" in results[4]["error"]["errors"]


# -- errors: never a 500 -------------------------------------------------------
def test_malformed_json_is_400(client):
    body = problem(client.post("/v1/verify", data="{not json",
                               content_type="application/json"), 400)
    assert "malformed JSON" in body["detail"]


def test_invalid_utf8_is_400(client):
    body = problem(client.post("/v1/verify", data=b'{"quote": "\xff\xfe"}',
                               content_type="application/json"), 400)
    assert "UTF-8" in body["detail"]


def test_empty_body_is_400(client):
    problem(client.post("/v1/verify", data=b"", content_type="application/json"), 400)


def test_non_json_content_type_is_415(client):
    problem(client.post("/v1/verify", data=json.dumps({"quote": "x"}),
                        content_type="text/plain"), 415)


@pytest.mark.parametrize("body, field", [
    ({}, "quote"),
    ({"quote": ""}, "quote"),
    ({"quote": "   "}, "quote"),
    ({"quote": 42}, "quote"),
    ({"quote": ["a"]}, "quote"),
    ({"quote": None}, "quote"),
    ({"quote": "x", "speaker": 5}, "speaker"),
    ({"quote": "x", "limit": 0}, "limit"),
    ({"quote": "x", "limit": "3"}, "limit"),
    ({"quote": "x", "limit": 10_000}, "limit"),
    ({"quote": "x", "surprise": 1}, "surprise"),
])
def test_schema_errors_are_422_naming_the_field(client, body, field):
    errors = problem(client.post("/v1/verify", json=body), 422)["errors"]
    assert field in errors


def test_json_that_is_not_an_object_is_422(client):
    problem(client.post("/v1/verify", json=["quote"]), 422)


def test_megabyte_quote_is_refused_with_the_field_named(client):
    body = problem(client.post("/v1/verify", json={"quote": "word " * 200_000}), 422)
    assert "quote" in body["errors"]


def test_body_over_the_limit_is_413(client):
    body = problem(client.post("/v1/verify", json={"quote": "x" * 3_000_000}), 413)
    assert "limit" in body["detail"]


def test_oversized_batch_is_422(client):
    items = [{"quote": "playing with fire"}] * 1001
    assert "items" in problem(client.post("/v1/verify/batch", json={"items": items}), 422)["errors"]


def test_get_verify_without_q_is_422(client):
    assert "q" in problem(client.get("/v1/verify"), 422)["errors"]


@pytest.mark.parametrize("body, field", [
    ({}, "text"),
    ({"text": ""}, "text"),
    ({"text": "Some words.", "published": "last week"}, "published"),
    ({"text": "Some words.", "published": "2026-13-01"}, "published"),
    ({"text": "Some words.", "url": "not a url"}, "url"),
    ({"text": "Some words.", "kind": "novel"}, "kind"),
    ({"text": "Some words.", "title": 12}, "title"),
])
def test_bad_documents_are_422_naming_the_field(empty_client, body, field):
    assert field in problem(empty_client.post("/v1/documents", json=body), 422)["errors"]
    assert empty_client.get("/v1/documents").get_json()["total"] == 0


def test_unknown_ids_are_404(client):
    problem(client.get("/v1/quotes/q_nope"), 404)
    problem(client.get("/v1/documents/d_nope"), 404)


def test_unknown_route_and_wrong_method_are_problems(client):
    problem(client.get("/v1/nothing-here"), 404)
    problem(client.put("/v1/verify", json={}), 405)


# -- browsers ------------------------------------------------------------------
def test_read_endpoints_allow_cross_origin_requests(client):
    origin = {"Origin": "https://news.example"}
    response = client.get("/v1/verify", query_string={"q": "playing with fire"}, headers=origin)
    assert response.headers.get("Access-Control-Allow-Origin") in ("*", "https://news.example")
    preflight = client.options("/v1/verify", headers={
        **origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"})
    assert "POST" in preflight.headers.get("Access-Control-Allow-Methods", "")


def test_writes_are_not_opened_to_other_origins(client):
    preflight = client.options("/v1/documents", headers={
        "Origin": "https://news.example", "Access-Control-Request-Method": "POST"})
    assert "POST" not in preflight.headers.get("Access-Control-Allow-Methods", "")
