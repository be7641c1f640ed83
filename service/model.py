"""The domain records shared by extraction, storage, matching and the API.

Plain dataclasses with no framework behind them: the extractor produces them,
the store persists them, the index reads them, and the HTTP layer turns them
into JSON with ``to_dict``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, NamedTuple

SpeakerKind = Literal["person", "organisation", "descriptor"]
DatePrecision = Literal["day", "month", "year"]
# stated: the text gives the date ("on Jan. 27"); relative: resolved from an
# expression such as "the following morning" or "last week"; published: no
# date in the text, so the publication date stands in for it.
DateBasis = Literal["stated", "relative", "published"]


@dataclass(frozen=True)
class Speaker:
    """Who said the words.

    ``name`` is the canonical name ("Jacob Frey"), an organisation ("the White
    House") or an honest descriptor ("a Democratic state official").
    ``mention`` is the words the text used at the attribution ("he", "Frey",
    "the governor"), ``title`` a title or role the text gives ("Minneapolis
    Mayor").
    """

    name: str
    kind: SpeakerKind = "person"
    mention: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Speaker | None:
        if not data or not data.get("name"):
            return None
        return cls(
            name=data["name"],
            kind=data.get("kind") or "person",
            mention=data.get("mention"),
            title=data.get("title"),
        )


@dataclass(frozen=True)
class QuoteDate:
    """When the words were said: an ISO value cut to its precision."""

    value: str  # "2026-01-27", "2026-01" or "2026"
    precision: DatePrecision
    basis: DateBasis
    expression: str | None = None  # the words in the text it came from

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> QuoteDate | None:
        if not data or not data.get("value"):
            return None
        return cls(
            value=data["value"],
            precision=data.get("precision") or precision_of(data["value"]),
            basis=data.get("basis") or "stated",
            expression=data.get("expression"),
        )


_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def is_partial_date(value: object) -> bool:
    """A partial ISO date as the service stores them: YYYY, YYYY-MM or YYYY-MM-DD."""
    return isinstance(value, str) and _PARTIAL_DATE.match(value) is not None


def precision_of(iso: str) -> DatePrecision:
    """The precision of a partial ISO date: 2026 / 2026-01 / 2026-01-27."""
    return {4: "year", 7: "month"}.get(len(iso), "day")


@dataclass(frozen=True)
class DocumentMeta:
    """What a source document says about itself."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD
    kind: str | None = None  # article, transcript, post, ...

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ExtractedQuote:
    """One direct quotation found in a text, before it is stored."""

    text: str  # the quoted words, segments of a split quote joined by a space
    spans: list[tuple[int, int]]  # offsets of each segment, quote marks excluded
    speaker: Speaker | None
    date: QuoteDate | None
    context: str  # the surrounding sentence or sentences
    confidence: float  # 0..1
    rule: str  # the attribution rule that fired, e.g. "cue_after"
    fragment: bool = False  # a short scare-quoted phrase, not a whole statement
    cue: str | None = None  # the attribution verb or phrase ("said", "fired back")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "spans": [list(s) for s in self.spans],
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "date": self.date.to_dict() if self.date else None,
            "context": self.context,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "fragment": self.fragment,
            "cue": self.cue,
        }


@dataclass
class Document:
    id: str
    content_hash: str
    meta: DocumentMeta
    created: str  # ISO timestamp of ingestion
    quote_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "content_hash": self.content_hash,
            **self.meta.to_dict(),
            "created": self.created,
            "quote_count": self.quote_count,
        }


@dataclass
class QuoteRecord:
    """A stored quote: an extracted (or imported) quote tied to its document."""

    id: str
    document_id: str
    text: str
    speaker: Speaker | None
    date: QuoteDate | None
    context: str | None
    confidence: float
    rule: str
    fragment: bool = False
    cue: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document_id": self.document_id,
            "text": self.text,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "date": self.date.to_dict() if self.date else None,
            "context": self.context,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "fragment": self.fragment,
            "cue": self.cue,
            "spans": [list(s) for s in self.spans],
        }


def content_hash(text: str) -> str:
    """The identity of a document's text: re-ingesting it is a no-op."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def short_id(prefix: str, *parts: str) -> str:
    """A stable id derived from its parts, so ids survive a rebuild."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}_{digest}"


class IndexRow(NamedTuple):
    """The little of a stored quote the in-memory matching index needs.

    A NamedTuple rather than a dataclass: the index is built from hundreds of
    thousands of these at start-up, and tuples are the cheapest to make.
    """

    quote_id: str
    text: str
    speaker: str | None  # the speaker's canonical name
    document_id: str
    date: str | None  # partial ISO date the words were said, if known
