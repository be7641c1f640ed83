"""Date expressions and their resolution to partial ISO dates.

Explicit dates ("Jan. 27", "January 11, 2026") are ``stated``; weekdays,
"yesterday", "last week", "earlier this month" are ``relative`` to the
publication date; "the following morning", "the next day", "that night" are
``relative`` to the last date the text mentioned. A month with no year is the
most recent such month not after the publication date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from service.model import QuoteDate

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH_RE = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_WEEKDAY_RE = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

DATE_RE = re.compile(
    r"\b(?:"
    + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    + r"|(?P<day2>\d{1,2})\s+(?P<month2>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?P<year2>(?:19|20)\d\d))?"
    + r"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d)"
    + r"|(?:(?:in|since|until|by|during|of|early|late|mid-?)\s+)(?P<monly>January|February|March|April|June|July|August|September|October|November|December)(?:\s+(?P<myear>(?:19|20)\d\d))?\b"
    + r"|(?P<relday>yesterday|today|tonight|this morning|this afternoon|this evening|last night)"
    + r"|(?P<anchored>the following (?:morning|day|afternoon|evening|night)|the next (?:morning|day|afternoon|evening|night)|that (?:night|morning|afternoon|evening|day)|the day before|the previous day|the night before|later that (?:day|night|week))"
    + r"|(?P<rel>(?:last|this|earlier this|late last|early last|earlier last|next) (?:week|month|year|weekend))"
    + r"|(?:(?:last|on|this|next|late|early)\s+)?" + _WEEKDAY_RE + r"(?:\s+(?:morning|afternoon|evening|night))?"
    + r")",
    re.IGNORECASE,
)


@dataclass
class DateMention:
    start: int
    end: int
    expression: str
    value: QuoteDate | None


def parse_published(published: str | None) -> tuple[date | None, str | None]:
    """(a reference day, precision) from a partial ISO publication date."""
    if not published:
        return None, None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", published.strip())
    if not m:
        return None, None
    y = int(m.group(1))
    try:
        if m.group(3):
            return date(y, int(m.group(2)), int(m.group(3))), "day"
        if m.group(2):
            return date(y, int(m.group(2)), 1), "month"
        return date(y, 1, 1), "year"
    except ValueError:
        return None, None


def _iso(d: date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return d.isoformat()[:7]
    return d.isoformat()[:4]


def _month_year(month: int, ref: date | None, ref_precision: str | None) -> int | None:
    """The year of the most recent such month not after the reference."""
    if ref is None:
        return None
    return ref.year if month <= ref.month else ref.year - 1


class DateResolver:
    """Resolves date expressions in document order, tracking the last date."""

    def __init__(self, published: str | None):
        self.published = published
        self.ref, self.ref_precision = parse_published(published)
        self.last: tuple[date, str] | None = None  # last stated/resolved date and its precision

    def published_date(self) -> QuoteDate | None:
        if self.ref is None:
            return None
        return QuoteDate(_iso(self.ref, self.ref_precision), self.ref_precision, "published")

    def resolve(self, m: re.Match) -> QuoteDate | None:
        expr = m.group(0)
        g = m.groupdict()
        try:
            return self._resolve(g, expr)
        except (ValueError, OverflowError):
            return None

    def _resolve(self, g: dict, expr: str) -> QuoteDate | None:
        ref, rp = self.ref, self.ref_precision
        if g.get("iso"):
            d = date.fromisoformat(g["iso"])
            return self._note(d, "day", "stated", expr)
        if g.get("month") or g.get("month2"):
            month = MONTHS[(g.get("month") or g.get("month2")).lower().rstrip(".")]
            day = int(g.get("day") or g.get("day2"))
            year = g.get("year") or g.get("year2")
            y = int(year) if year else _month_year(month, ref, rp)
            if y is None:
                return None
            return self._note(date(y, month, day), "day", "stated", expr)
        if g.get("monly"):
            month = MONTHS[g["monly"].lower()]
            y = int(g["myear"]) if g.get("myear") else _month_year(month, ref, rp)
            if y is None:
                return None
            return self._note(date(y, month, 1), "month", "stated", expr)
        low = expr.lower()
        if g.get("anchored"):
            base = self.last
            if base is None:
                if ref is None:
                    return None
                base = (ref, rp)
            d, p = base
            if p != "day":
                return QuoteDate(_iso(d, p), p, "relative", expr)
            if "following" in low or "next" in low:
                d = d + timedelta(days=1)
            elif "before" in low or "previous" in low:
                d = d - timedelta(days=1)
            return self._note(d, "day", "relative", expr)
        if ref is None:
            return None
        if g.get("relday"):
            if rp != "day":
                return QuoteDate(_iso(ref, rp), rp, "relative", expr)
            d = ref - timedelta(days=1) if low in ("yesterday", "last night") else ref
            return self._note(d, "day", "relative", expr)
        if g.get("rel"):
            unit = low.split()[-1]
            back = low.startswith(("last", "late last", "early last", "earlier last"))
            if unit in ("week", "weekend"):
                if rp != "day":
                    return QuoteDate(_iso(ref, rp), rp, "relative", expr)
                d = ref - timedelta(days=7) if back else ref
                return QuoteDate(_iso(d, "month"), "month", "relative", expr) if d.month != ref.month and back \
                    else QuoteDate(_iso(d, "month"), "month", "relative", expr)
            if unit == "month":
                if rp == "year":
                    return QuoteDate(_iso(ref, "year"), "year", "relative", expr)
                d = (ref.replace(day=1) - timedelta(days=1)) if back else ref
                return QuoteDate(_iso(d, "month"), "month", "relative", expr)
            y = ref.year - 1 if back else ref.year
            return QuoteDate(str(y), "year", "relative", expr)
        if g.get("weekday"):
            if rp != "day":
                return QuoteDate(_iso(ref, rp), rp, "relative", expr)
            wd = WEEKDAYS[g["weekday"].lower()]
            delta = (ref.weekday() - wd) % 7
            if low.startswith("last") and delta == 0:
                delta = 7
            if low.startswith("next"):
                d = ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
            else:
                d = ref - timedelta(days=delta)
            return self._note(d, "day", "relative", expr)
        return None

    def _note(self, d: date, precision: str, basis: str, expr: str) -> QuoteDate:
        self.last = (d, precision)
        return QuoteDate(_iso(d, precision), precision, basis, expr)


def find_dates(text: str, resolver: DateResolver, masked: list[tuple[int, int]]) -> list[DateMention]:
    """Every date expression outside quotes, resolved in document order."""
    out = []
    mi = 0
    for m in DATE_RE.finditer(text):
        s = m.start()
        while mi < len(masked) and masked[mi][1] <= s:
            mi += 1
        if mi < len(masked) and masked[mi][0] <= s < masked[mi][1]:
            continue
        expr = m.group(0)
        if m.group("weekday") is None and m.group("month") and m.group("month").lower().startswith("may") and not m.group("year"):
            pass
        value = resolver.resolve(m)
        out.append(DateMention(s, m.end(), expr, value))
    return out
