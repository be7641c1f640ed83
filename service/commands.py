"""What each `quotes` sub-command does (argument parsing lives in cli.py)."""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from tqdm import tqdm

from service.cli import config_from
from service.corpus import write_corpus_file
from service.model import DocumentMeta, content_hash, is_partial_date

def _meta(args) -> DocumentMeta:
    if args.published and not is_partial_date(args.published):
        raise ValueError(f"--published must be YYYY, YYYY-MM or YYYY-MM-DD, got {args.published!r}")
    return DocumentMeta(title=args.title, outlet=args.outlet, url=args.url,
                        published=args.published)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not valid UTF-8 text (byte {exc.start})") from None


def _service(args):
    from service.core import QuoteService
    from service.store.sqlite import SQLiteStore

    config = config_from(args)
    return QuoteService(SQLiteStore(config.db_path), config)


# -- serve ------------------------------------------------------------------------
def serve(args) -> int:
    config = config_from(args)
    env = dict(os.environ, QUOTES_DB_PATH=config.db_path, QUOTES_HOST=config.host,
               QUOTES_PORT=str(config.port), QUOTES_WORKERS=str(config.workers))
    command = [sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf",
               "service:create_app()"]
    print(f"serving on http://{config.host}:{config.port} with {config.workers} worker(s),"
          f" store {config.db_path}", file=sys.stderr)
    os.execvpe(sys.executable, command, env)
    return 0  # not reached


# -- extract / ingest -------------------------------------------------------------
def extract(args) -> int:
    from service.extract import extract_quotes

    for quote in extract_quotes(_read_text(args.file), _meta(args)):
        print(json.dumps(quote.to_dict(), ensure_ascii=False))
    return 0


def ingest(args) -> int:
    meta = _meta(args)
    service = _service(args)
    for path in args.files:
        document, quotes, created = service.ingest(_read_text(path), meta)
        print(json.dumps({"file": str(path), "document_id": document.id, "created": created,
                          "quotes": len(quotes)}))
    return 0


# -- import -----------------------------------------------------------------------
def _open_text(path: Path):
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return path.open(encoding="utf-8")


def _valid_record(line: str) -> dict | None:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError:
        return None
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
        return None
    if not isinstance(rec.get("id"), (str, int)):
        return None
    for key in ("speaker", "source", "context"):
        if rec.get(key) is not None and not isinstance(rec[key], str):
            rec[key] = str(rec[key])
    date = rec.get("date")
    if date is not None and not is_partial_date(date):
        rec["date"] = None
    return rec


def import_records(args) -> int:
    from service.store.sqlite import SQLiteStore

    if args.batch_size < 1:
        raise ValueError("--batch-size must be at least 1")
    store = SQLiteStore(config_from(args).db_path)
    read = imported = invalid = 0
    started = time.perf_counter()
    batch: list[dict] = []
    with _open_text(args.file) as lines, tqdm(unit=" quotes", disable=args.no_progress,
                                              desc="importing") as bar:
        for line in lines:
            if args.limit is not None and read >= args.limit:
                break
            if not line.strip():
                continue
            read += 1
            rec = _valid_record(line)
            if rec is None:
                invalid += 1
                continue
            batch.append(rec)
            if len(batch) >= args.batch_size:
                imported += store.import_records(batch)
                bar.update(len(batch))
                batch = []
        if batch:
            imported += store.import_records(batch)
            bar.update(len(batch))
    elapsed = time.perf_counter() - started
    print(json.dumps({"read": read, "imported": imported, "already_present": read - invalid - imported,
                      "invalid": invalid, "seconds": round(elapsed, 2),
                      "quotes_per_second": round(read / elapsed) if elapsed else None}))
    return 0


# -- verify -----------------------------------------------------------------------
def _items(path: Path) -> Iterator[dict]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            if not reader.fieldnames or "quote" not in reader.fieldnames:
                raise ValueError(f"{path}: a CSV needs a 'quote' column")
            yield from reader
    elif path.suffix in (".jsonl", ".ndjson"):
        with path.open(encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if line.strip():
                    try:
                        item = json.loads(line)
                    except json.JSONDecodeError:
                        item = {"_error": f"line {number}: malformed JSON"}
                    yield item if isinstance(item, dict) else {"_error": f"line {number}: not an object"}
    else:
        raise ValueError(f"{path}: --file must be .csv or .jsonl")


CSV_COLUMNS = ["id", "quote", "verdict", "score", "speaker", "date", "matched_text",
               "source_title", "source_outlet", "source_url", "attribution", "differences", "error"]


def _csv_row(item_id, quote: str, result: dict) -> dict:
    top = (result.get("matches") or [None])[0] or {}
    source = top.get("source") or {}
    return {
        "id": item_id, "quote": quote, "verdict": result.get("verdict"),
        "score": top.get("score"), "speaker": (top.get("speaker") or {}).get("name"),
        "date": (top.get("date") or {}).get("value"), "matched_text": top.get("matched_text"),
        "source_title": source.get("title"), "source_outlet": source.get("outlet"),
        "source_url": source.get("url"),
        "attribution": (result.get("attribution") or {}).get("status"),
        "differences": "; ".join(f"{d['op']}:{d.get('query') or ''}->{d.get('source') or ''}"
                                 for d in top.get("differences") or []),
        "error": result.get("error"),
    }


def verify(args) -> int:
    if bool(args.text) == bool(args.file):
        raise ValueError("give either a quote or --file, not both or neither")
    service = _service(args)
    limit = max(1, min(args.limit, service.config.max_limit))
    if args.text:
        print(json.dumps(service.verify(args.text, args.speaker, limit), indent=2,
                         ensure_ascii=False))
        return 0
    out = args.out.open("w", encoding="utf-8", newline="") if args.out else sys.stdout
    as_csv = bool(args.out and args.out.suffix == ".csv")
    writer = csv.DictWriter(out, CSV_COLUMNS) if as_csv else None
    if writer:
        writer.writeheader()
    try:
        for number, item in enumerate(tqdm(_items(args.file), unit=" quotes", desc="verifying",
                                           disable=args.no_progress or not args.out), 1):
            quote, item_id = item.get("quote"), item.get("id", number)
            if item.get("_error") or not isinstance(quote, str) or not quote.strip():
                result = {"error": item.get("_error") or "missing or empty 'quote'"}
            elif len(quote) > service.config.max_quote_chars:
                result = {"error": f"quote longer than {service.config.max_quote_chars} characters"}
            else:
                result = service.verify(quote, item.get("speaker") or None, limit)
            if writer:
                writer.writerow(_csv_row(item_id, quote, result))
            else:
                out.write(json.dumps({"id": item_id, "quote": quote, **result},
                                     ensure_ascii=False) + "\n")
    finally:
        if args.out:
            out.close()
    return 0


# -- corpus -----------------------------------------------------------------------
def build_corpus(args) -> int:
    from service.extract import extract_quotes

    metadata = json.loads((args.source_dir / "metadata.json").read_text(encoding="utf-8"))
    for name, info in sorted(metadata.items()):
        text = _read_text(args.source_dir / name)
        meta = DocumentMeta(title=info.get("title"), outlet=info.get("outlet"),
                            url=info.get("url"), published=info.get("published"),
                            kind=info.get("kind", "article"))
        quotes = extract_quotes(text, meta)
        path = write_corpus_file(args.out, name, meta, content_hash(text), quotes)
        print(f"{path}: {len(quotes)} quotes")
    return 0
