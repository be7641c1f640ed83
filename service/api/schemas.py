"""Request schemas: marshmallow validates at the boundary and nowhere else.

The limits come from Config, so the schemas are built per app.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from marshmallow import RAISE, Schema, ValidationError, fields, validate

from service.config import Config
from service.model import is_partial_date

DOCUMENT_KINDS = ("article", "transcript", "post", "statement", "other")
MAX_SPEAKER_CHARS = 200
MAX_META_CHARS = 2_000


def _not_blank(value: str) -> None:
    if not value.strip():
        raise ValidationError("must not be blank")


def _partial_date(value: str) -> None:
    if not is_partial_date(value):
        raise ValidationError("must be a date as YYYY, YYYY-MM or YYYY-MM-DD")


class PublishedDate(fields.String):
    """A partial ISO date; a full timestamp is accepted and cut to its day."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text):
            text = text[:10]
        _partial_date(text)
        return text


@dataclass(frozen=True)
class Schemas:
    verify: Schema
    verify_query: Schema
    batch: Schema
    batch_item: Schema
    document: Schema
    page: Schema


def build_schemas(config: Config) -> Schemas:
    quote_opts = dict(required=True, validate=[validate.Length(min=1, max=config.max_quote_chars),
                                          _not_blank])
    speaker_opts = dict(load_default=None, allow_none=True,
                   validate=validate.Length(max=MAX_SPEAKER_CHARS))
    limit_opts = dict(load_default=config.default_limit,
                 validate=validate.Range(min=1, max=config.max_limit))

    class Verify(Schema):
        class Meta:
            unknown = RAISE

        quote = fields.String(**quote_opts)
        speaker = fields.String(**speaker_opts)
        limit = fields.Integer(strict=True, **limit_opts)

    class VerifyQuery(Schema):
        class Meta:
            unknown = RAISE

        q = fields.String(**quote_opts)
        speaker = fields.String(**speaker_opts)
        limit = fields.Integer(**limit_opts)

    class BatchItem(Verify):
        id = fields.Raw(load_default=None, validate=lambda v: v is None or (
            isinstance(v, (str, int)) and not isinstance(v, bool) and len(str(v)) <= 200))

    class Batch(Schema):
        class Meta:
            unknown = RAISE

        items = fields.List(fields.Raw(), required=True,
                            validate=validate.Length(min=1, max=config.max_batch_items))

    class Document(Schema):
        class Meta:
            unknown = RAISE

        text = fields.String(required=True, validate=[
            validate.Length(min=1, max=config.max_document_chars), _not_blank])
        title = fields.String(load_default=None, allow_none=True,
                              validate=validate.Length(max=MAX_META_CHARS))
        outlet = fields.String(load_default=None, allow_none=True,
                               validate=validate.Length(max=MAX_META_CHARS))
        url = fields.Url(load_default=None, allow_none=True, schemes={"http", "https"},
                         validate=validate.Length(max=MAX_META_CHARS))
        published = PublishedDate(load_default=None, allow_none=True)
        kind = fields.String(load_default=None, allow_none=True,
                             validate=validate.OneOf(DOCUMENT_KINDS))

    class Page(Schema):
        class Meta:
            unknown = RAISE

        limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=200))
        offset = fields.Integer(load_default=0, validate=validate.Range(min=0))

    return Schemas(verify=Verify(), verify_query=VerifyQuery(), batch=Batch(),
                   batch_item=BatchItem(), document=Document(), page=Page())
