from __future__ import annotations

import csv
import gzip
import json

import pytest

from service.cli import main
from tests.test_api import ARTICLE


@pytest.fixture
def env(tmp_path, monkeypatch):
    empty = tmp_path / "no-corpus"
    empty.mkdir()
    monkeypatch.setenv("QUOTES_DB_PATH", str(tmp_path / "cli.sqlite3"))
    monkeypatch.setenv("QUOTES_CORPUS_DIR", str(empty))
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def lines(capsys):
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


def test_extract_prints_spans_into_the_file(env, capsys):
    assert main(["extract", str(env / "article.txt"), "--published", "2026-03-03"]) == 0
    quotes = lines(capsys)
    assert quotes
    for quote in quotes:
        for start, end in quote["spans"]:
            assert ARTICLE[start:end] in quote["text"]
    assert any(q["speaker"] and q["speaker"]["name"] == "Omar Reyes" for q in quotes)


@pytest.mark.parametrize("published", ["March", "2026-13-01", "2026-02-32"])
def test_extract_refuses_a_bad_date(env, capsys, published):
    assert main(["extract", str(env / "article.txt"), "--published", published]) == 1
    assert "--published" in capsys.readouterr().err


def test_ingest_then_verify(env, capsys):
    assert main(["ingest", str(env / "article.txt")]) == 0
    first = lines(capsys)[0]
    assert first["created"] and first["quotes"] >= 2
    assert main(["ingest", str(env / "article.txt")]) == 0
    assert lines(capsys)[0]["created"] is False
    assert main(["verify", "a stalling tactic", "--speaker", "Reyes"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["verdict"] == "verified" and result["attribution"]["status"] == "confirmed"


def test_import_is_idempotent(env, capsys):
    path = env / "records.jsonl.gz"
    records = [{"id": f"t:{i}", "text": f"Record number {i} says something memorable.",
                "speaker": "Ann Example", "date": "1999-05-0%d" % (i % 9 + 1),
                "source": "test", "context": None} for i in range(25)]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec) + "\n")
        f.write("not json\n")
    assert main(["import", str(path), "--batch-size", "10", "--no-progress"]) == 0
    summary = lines(capsys)[-1]
    assert (summary["read"], summary["imported"], summary["invalid"]) == (26, 25, 1)
    assert main(["import", str(path), "--no-progress"]) == 0
    assert lines(capsys)[-1]["imported"] == 0
    assert main(["verify", "record number 7 says something memorable"]) == 0
    assert json.loads(capsys.readouterr().out)["matches"][0]["speaker"]["name"] == "Ann Example"


def test_verify_file_to_csv_and_jsonl(env, capsys):
    main(["ingest", str(env / "article.txt")])
    capsys.readouterr()
    queries = env / "in.csv"
    with queries.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "quote", "speaker"])
        writer.writerow(["1", "deserve answers", "Whitfield"])
        writer.writerow(["2", "", ""])
    out = env / "out.csv"
    assert main(["verify", "--file", str(queries), "--out", str(out), "--no-progress"]) == 0
    rows = list(csv.DictReader(out.open()))
    assert [r["id"] for r in rows] == ["1", "2"]
    assert rows[0]["verdict"] == "verified" and rows[0]["attribution"] == "confirmed"
    assert rows[1]["error"]
    jsonl = env / "in.jsonl"
    jsonl.write_text(json.dumps({"id": "x", "quote": "deserve answers"}) + "\n")
    assert main(["verify", "--file", str(jsonl), "--no-progress"]) == 0
    assert lines(capsys)[0]["verdict"] == "verified"
