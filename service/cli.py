"""The `quotes` command: serve, extract, ingest, import, verify, corpus."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from service.config import Config, ConfigError


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args) or 0
    except ConfigError as exc:
        print(f"quotes: configuration error: {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(f"quotes: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotes", description=__doc__)
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    def command(name: str, help_text: str, run):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(run=run)
        return p

    def with_db(p):
        p.add_argument("--db", help="SQLite store path (default: QUOTES_DB_PATH or "
                                    "instance/quotes.sqlite3)")
        return p

    def with_meta(p):
        p.add_argument("--published", help="publication date, YYYY-MM-DD or YYYY-MM")
        p.add_argument("--title")
        p.add_argument("--outlet")
        p.add_argument("--url")
        return p

    from service import commands  # the work itself, kept apart from argument parsing

    p = command("serve", "run the HTTP service under gunicorn", commands.serve)
    with_db(p)
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--workers", type=int)

    p = command("extract", "print the quotes in a text file as JSON Lines; stores nothing",
                commands.extract)
    with_meta(p)
    p.add_argument("file", type=Path)

    p = command("ingest", "extract and store the quotes of one or more text files",
                commands.ingest)
    with_meta(with_db(p))
    p.add_argument("files", type=Path, nargs="+")

    p = command("import", "bulk-load quote records from JSON Lines (.jsonl or .jsonl.gz)",
                commands.import_records)
    with_db(p)
    p.add_argument("file", type=Path)
    p.add_argument("--batch-size", type=int, default=5000)
    p.add_argument("--limit", type=int, help="stop after this many records")
    p.add_argument("--no-progress", action="store_true")

    p = command("verify", "verify a quote, or a file of quotes (.csv or .jsonl)",
                commands.verify)
    with_db(p)
    p.add_argument("text", nargs="?", help="the quote to verify")
    p.add_argument("--speaker", help="the claimed speaker")
    p.add_argument("--limit", type=int, default=3, help="matches per quote")
    p.add_argument("--file", type=Path, help="quotes to verify: CSV with a 'quote' column "
                                             "(optional 'id', 'speaker') or JSON Lines")
    p.add_argument("--out", type=Path, help="results file, .jsonl or .csv (default: stdout)")
    p.add_argument("--no-progress", action="store_true")

    p = command("corpus", "rebuild the shipped corpus files from source articles",
                commands.build_corpus)
    p.add_argument("source_dir", type=Path,
                   help="folder of .txt articles with a metadata.json beside them")
    p.add_argument("--out", type=Path, default=Path("quotes"))
    return parser


def config_from(args: argparse.Namespace) -> Config:
    overrides = {name: getattr(args, name) for name in ("host", "port", "workers")
                 if getattr(args, name, None) is not None}
    if getattr(args, "db", None):
        overrides["db_path"] = args.db
    return Config.from_env(os.environ, **overrides)


if __name__ == "__main__":
    sys.exit(main())
