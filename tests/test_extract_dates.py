"""Dates: stated, relative to publication, relative to the last date, and missing."""
import pytest

from service.extract import extract_quotes
from service.extract.dates import DATE_RE, DateResolver
from service.model import DocumentMeta


def resolve(expr, published, last=None):
    r = DateResolver(published)
    if last:
        r.resolve(DATE_RE.search(last))
    m = DATE_RE.search(expr)
    assert m, expr
    return r.resolve(m)


@pytest.mark.parametrize("expr,published,value,precision,basis", [
    ("on Jan. 27", "2026-02-10", "2026-01-27", "day", "stated"),
    ("January 11, 2026", None, "2026-01-11", "day", "stated"),
    ("on Feb. 12", "2026-02", "2026-02-12", "day", "stated"),
    ("in December", "2026-02", "2025-12", "month", "stated"),  # most recent December
    ("in March", "2026-03-20", "2026-03", "month", "stated"),
    ("on Monday", "2026-01-28", "2026-01-26", "day", "relative"),  # 2026-01-28 is a Wednesday
    ("Monday evening", "2026-01-26", "2026-01-26", "day", "relative"),
    ("yesterday", "2026-01-28", "2026-01-27", "day", "relative"),
    ("last week", "2026-01-28", "2026-01", "month", "relative"),
    ("earlier this month", "2026-02", "2026-02", "month", "relative"),
    ("last month", "2026-02-14", "2026-01", "month", "relative"),
    ("last year", "2026-02-14", "2025", "year", "relative"),
])
def test_resolution(expr, published, value, precision, basis):
    d = resolve(expr, published)
    assert (d.value, d.precision, d.basis) == (value, precision, basis)


def test_following_morning_is_relative_to_last_date():
    d = resolve("The following morning", "2026-02", last="on Jan. 27")
    assert (d.value, d.precision, d.basis) == ("2026-01-28", "day", "relative")


def test_month_name_without_publication_date_is_unknown():
    assert resolve("in December", None) is None


def test_weekday_with_month_only_publication_keeps_month():
    d = resolve("on Monday", "2026-02")
    assert (d.value, d.precision) == ("2026-02", "month")


def test_quote_dated_from_its_sentence():
    t = "On Jan. 7, Mayor Lin Hart said the plan was “dead on arrival and everyone knows it.”"
    (q,) = extract_quotes(t, DocumentMeta(published="2026-02-01"))
    assert q.date.value == "2026-01-07" and q.date.basis == "stated"
    assert q.date.expression == "Jan. 7"


def test_following_morning_in_document_order():
    t = ("Lin Hart met the governor on Jan. 27. The following morning, Hart accused him of "
         "“playing games with the city budget.”")
    (q,) = extract_quotes(t, DocumentMeta(published="2026-02"))
    assert (q.date.value, q.date.basis) == ("2026-01-28", "relative")


def test_undated_quote_falls_back_to_publication():
    t = "“We have the votes to pass it,” Mayor Lin Hart said."
    (q,) = extract_quotes(t, DocumentMeta(published="2026-01"))
    assert (q.date.value, q.date.precision, q.date.basis) == ("2026-01", "month", "published")


def test_no_date_known_at_all():
    t = "“We have the votes to pass it,” Mayor Lin Hart said."
    (q,) = extract_quotes(t)
    assert q.date is None
    (q,) = extract_quotes(t, DocumentMeta(published=None))
    assert q.date is None


def test_bad_publication_date_is_ignored():
    t = "“We have the votes to pass it,” Mayor Lin Hart said on Monday."
    (q,) = extract_quotes(t, DocumentMeta(published="not a date"))
    assert q.date is None
