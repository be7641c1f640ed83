"""Whatever JSON arrives, the answer is a documented status, never a 500.

The spec-checking client also validates every one of these responses against
openapi.yaml, so each error has the one problem shape.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
# Bodies shaped like the real ones, with wrong or odd values in the fields.
verify_like = st.fixed_dictionaries({}, optional={
    "quote": json_values, "speaker": json_values, "limit": json_values})
document_like = st.fixed_dictionaries({"text": json_values}, optional={
    "title": json_values, "published": json_values, "url": json_values, "kind": json_values})
batch_like = st.fixed_dictionaries({"items": st.lists(verify_like | json_values, max_size=5)})

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(body=verify_like | json_values)
def test_verify_never_fails(client, body):
    assert client.post("/v1/verify", json=body).status_code in (200, 400, 415, 422)


@SETTINGS
@given(body=batch_like | json_values)
def test_batch_never_fails(client, body):
    assert client.post("/v1/verify/batch", json=body).status_code in (200, 400, 415, 422)


@SETTINGS
@given(body=document_like | json_values)
def test_ingest_never_fails(client, body):
    assert client.post("/v1/documents", json=body).status_code in (200, 201, 400, 415, 422)


@SETTINGS
@given(raw=st.binary(max_size=200))
def test_arbitrary_bytes_never_fail(client, raw):
    response = client.post("/v1/verify", data=raw, content_type="application/json")
    assert response.status_code in (200, 400, 415, 422)


@SETTINGS
@given(q=st.text(max_size=300), limit=st.text(max_size=5))
def test_query_string_never_fails(client, q, limit):
    response = client.get("/v1/verify", query_string={"q": q, "limit": limit})
    assert response.status_code in (200, 422)
