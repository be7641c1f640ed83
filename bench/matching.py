"""Matching benchmark: index build, memory, verify latency and accuracy.

    .venv/bin/python bench/matching.py --sizes 100000,300000,676377 --queries 2000

Corpus: /work/shared/data/bench-corpus/quotes.jsonl.gz (skipped with a message
when absent). For each size a seeded random subset of the corpus is indexed
in-process, queries of the kinds users send are generated from it, and the
script reports a table per size. Sections are functions so the import rate
(``quotes import``) and HTTP latency (gunicorn) can be added beside them.

Accuracy: a present query is top-1 correct when its source quote is the first
match, or tied with it at the same score (a 4-word fragment can occur
verbatim in several quotes); recall@5 when it is among the first five.
"""
from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(Path(__file__).resolve().parent))
import serving  # noqa: E402  (bench/serving.py: the running service's measurements)
from rapidfuzz import fuzz, process  # noqa: E402

from service.index import UNKNOWN_CODE, QuoteIndex  # noqa: E402
from service.matching import align, code_of  # noqa: E402
from service.model import Document, DocumentMeta, IndexRow, QuoteDate, QuoteRecord, Speaker, short_id  # noqa: E402
from service.text import parse_query, tokens  # noqa: E402
from service.verify import THRESHOLD, verify  # noqa: E402

DATA = Path("/work/shared/data/bench-corpus/quotes.jsonl.gz")
KINDS = ["exact", "case_punct", "substituted", "dropped", "typo", "ellipsis", "absent"]


# -- corpus and store ----------------------------------------------------------
def load_corpus(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def document_id(r: dict) -> str:
    # one document per (corpus, context): a speech, a book; else per quote
    return short_id("doc", r["corpus"], r.get("context") or r["id"])


class BenchStore:
    """get_quotes/get_documents over raw corpus records, built lazily so the
    bench does not hold 676k record objects next to the index."""

    def __init__(self, records: list[dict]):
        self.by_id = {r["id"]: r for r in records}

    def get_quotes(self, ids):
        out = {}
        for i in ids:
            r = self.by_id.get(i)
            if r:
                date = QuoteDate.from_dict({"value": r["date"][:10], "basis": "stated"}) if r.get("date") else None
                out[i] = QuoteRecord(i, document_id(r), r["text"], Speaker.from_dict({"name": r.get("speaker")}),
                                     date, r.get("context"), 1.0, "import")
        return out

    def get_documents(self, ids):
        # documents are not kept; synthesise them from the id alone
        return {i: Document(i, i, DocumentMeta(title=i, outlet="bench"), "") for i in ids}


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


# -- queries -------------------------------------------------------------------
def _words(text: str) -> list[str]:
    return text.split()


def _fragment(rng, words, lo, hi):
    n = min(len(words), rng.randint(lo, hi))
    s = rng.randint(0, len(words) - n)
    return words[s:s + n]


def _typo(rng, word):
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice("sdi")
    if op == "s":  # swap two letters
        return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]
    if op == "d":
        return word[:i] + word[i + 1:]
    return word[:i] + rng.choice("aeioutnrs") + word[i:]


def make_queries(records: list[dict], n: int, seed: int = 7) -> list[tuple[str, str, str | None]]:
    """(kind, query, target quote id or None for absent)."""
    rng = random.Random(seed)
    pool = [r for r in records if len(tokens(r["text"])) >= 6]
    vocab = [w for r in rng.sample(pool, min(2000, len(pool))) for w in _words(r["text"]) if w.isalpha()]
    out = []
    per = max(1, n // len(KINDS))
    for kind in KINDS:
        made = 0
        while made < per:
            r = rng.choice(pool)
            w = _words(r["text"])
            if kind == "exact":
                q = " ".join(_fragment(rng, w, 4, 20))
            elif kind == "case_punct":
                f = _fragment(rng, w, 5, 40)
                # punctuation dropped as a user would; run-on words in the
                # corpus ("things.Wisdom") keep a space between them
                q = re.sub(r"(?<=[A-Za-z])[,.;:!?\"]+(?=[A-Za-z])", " ", " ".join(f))
                q = re.sub(r"[,.;:!?\"']", "", q)
                q = rng.choice([str.upper, str.lower, str.title])(q)
                q = "\u201c" + q + "\u201d"
            elif kind == "substituted":
                f = _fragment(rng, w, 8, 25)
                if len(f) < 8:
                    continue
                f[rng.randrange(1, len(f) - 1)] = rng.choice(vocab)
                q = " ".join(f)
            elif kind == "dropped":
                f = _fragment(rng, w, 8, 25)
                if len(f) < 8:
                    continue
                del f[rng.randrange(1, len(f) - 1)]
                q = " ".join(f)
            elif kind == "typo":
                f = _fragment(rng, w, 6, 20)
                idx = [i for i, x in enumerate(f) if len(x) >= 5 and x.isalpha()]
                if len(f) < 6 or not idx:
                    continue
                i = rng.choice(idx)
                f[i] = _typo(rng, f[i])
                q = " ".join(f)
            elif kind == "ellipsis":
                f = _fragment(rng, w, 12, 30)
                if len(f) < 12:
                    continue
                s = rng.randint(3, len(f) - 8)
                q = " ".join(f[:s]) + " ... " + " ".join(f[s + rng.randint(2, 5):])
            else:  # absent: halves of two different quotes
                r2 = rng.choice(pool)
                a = _fragment(rng, w, 5, 10)
                b = _fragment(rng, _words(r2["text"]), 5, 10)
                if r2["id"] == r["id"] or len(a) < 5 or len(b) < 5:
                    continue
                q = " ".join(a + b)
                out.append((kind, q, None))
                made += 1
                continue
            out.append((kind, q, r["id"]))
            made += 1
    rng.shuffle(out)
    return out


# -- sections ------------------------------------------------------------------
def bench_build(records: list[dict]) -> tuple[QuoteIndex, dict]:
    """In-process index build from rows already in memory (the start-up
    figure that includes reading the rows is bench_store_startup's)."""
    rows = [IndexRow(r["id"], r["text"], r.get("speaker"), document_id(r), r.get("date")) for r in records]
    gc.collect()
    before = rss_mb()
    t0 = time.perf_counter()
    index = QuoteIndex()
    index.add(rows)
    took = time.perf_counter() - t0
    del rows
    gc.collect()
    gc.freeze()  # as gunicorn's pre_fork does
    return index, {"build_s": took, "index_rss_mb": rss_mb() - before, "rss_mb": rss_mb()}


def bench_verify(index, store, queries) -> dict:
    lat = []
    per_kind = defaultdict(Counter)
    for kind, q, target in queries:
        t0 = time.perf_counter()
        res = verify(index, store, q, limit=5)
        lat.append((time.perf_counter() - t0) * 1000)
        c = per_kind[kind]
        c["n"] += 1
        c[res["verdict"]] += 1
        if target is None:
            continue
        matches = res["matches"]
        ids = [set(m["quote_ids"]) for m in matches]
        # the target's own score: when it ties the top match (the fragment
        # occurs verbatim in several quotes) the top match is not wrong
        own = target_score(index, q, store.by_id[target]["text"])
        top1 = bool(matches) and (target in ids[0] or own >= matches[0]["score"])
        c["top1"] += top1
        if top1 or any(target in s for s in ids[:5]) or (len(matches) >= 5 and own >= matches[4]["score"]):
            c["recall5"] += 1
    lat.sort()
    pick = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]  # noqa: E731
    return {"p50_ms": pick(0.50), "p95_ms": pick(0.95), "p99_ms": pick(0.99),
            "mean_ms": statistics.fmean(lat), "per_kind": per_kind}


def target_score(index: QuoteIndex, q: str, text: str) -> float:
    pq = parse_query(q)
    qcodes = "".join(code_of(index._vocab[t]) if t in index._vocab else UNKNOWN_CODE for t in pq.tokens)
    scodes = "".join(code_of(index._vocab[t]) for t in tokens(text))
    return align(qcodes, pq.segments(), pq.tokens, scodes,
                 lambda j: index._terms[index._codes_to_ids(scodes[j])[0]]).score


def bench_bruteforce(index: QuoteIndex, records: list[dict], queries, sample: int) -> dict:
    """Agreement with an exhaustive scan: every quote scored by a rapidfuzz
    token partial_ratio, the best 200 re-scored with the same alignment. The
    fast path agrees when its best score equals the scan's best score."""
    vocab = index._vocab
    codes, ids = [], []
    for r in records:
        codes.append("".join(code_of(vocab[t]) for t in tokens(r["text"])))
        ids.append(r["id"])
    agree = n = 0
    for kind, q, target in queries[:sample]:
        pq = parse_query(q)
        tids = [vocab.get(t, -1) for t in pq.tokens]
        qcodes = "".join(code_of(t) if t >= 0 else UNKNOWN_CODE for t in tids)
        qc_plain = qcodes.replace(UNKNOWN_CODE, "")
        top = process.extract(qc_plain, codes, scorer=fuzz.partial_ratio, limit=200)
        best = 0.0
        for _, _, i in top:
            sc = codes[i]
            al = align(qcodes, pq.segments(), pq.tokens, sc,
                       lambda j, s=sc: index._terms[index._codes_to_ids(s[j])[0]])
            best = max(best, al.score)
        hits = index.search(pq, limit=5)
        fast = hits[0].score if hits else 0.0
        # absent/below-threshold queries agree when both are below threshold
        if abs(fast - best) < 0.05 or (fast < THRESHOLD and best < THRESHOLD):
            agree += 1
        n += 1
    return {"bruteforce_agree": agree / n if n else 0.0, "bruteforce_n": n}


def write_subset(records: list[dict], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def bench_import(records: list[dict], workdir: Path) -> dict:
    """Import rate through the real CLI: `quotes import FILE --db DB`."""
    src = workdir / f"quotes-{len(records)}.jsonl.gz"
    db = workdir / f"quotes-{len(records)}.sqlite3"
    write_subset(records, src)
    for leftover in workdir.glob(db.name + "*"):
        leftover.unlink()
    summary = serving.import_store(db, src)
    src.unlink()
    return {"import_s": summary["wall_seconds"], "import_rate": len(records) / summary["wall_seconds"],
            "db": db}


_STARTUP = """
import json, sys, time
t0 = time.perf_counter()
from service.index import QuoteIndex
from service.store.sqlite import SQLiteStore
store = SQLiteStore(sys.argv[1])
version, rows = store.index_snapshot()
index = QuoteIndex()
index.add(rows)
took = time.perf_counter() - t0
rss = [l for l in open("/proc/self/status") if l.startswith("VmRSS")][0].split()[1]
print(json.dumps({"startup_s": took, "startup_rss_mb": int(rss) / 1024, "indexed": len(index)}))
"""


def bench_store_startup(db: Path) -> dict:
    """Index build as the service does it at start-up, rows read from the
    SQLite store, in a fresh process (so RSS is the index's alone)."""
    out = subprocess.run([sys.executable, "-c", _STARTUP, str(db)], check=True,
                         capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_http(db: Path, queries, workdir: Path, workers: int = 2) -> dict:
    """The real gunicorn service on that store: time until it answers,
    latency for one client and for 8 concurrent clients, and the memory of
    the whole service (master + workers)."""
    empty = workdir / "no-corpus"
    empty.mkdir(exist_ok=True)
    texts = [q for _, q, _ in queries]
    proc, port, up = serving.start_service(db, workers, empty)
    try:
        one = serving.http_latency(port, texts, clients=1)
        eight = serving.http_latency(port, texts, clients=8)
        rss, pss = serving.service_memory(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return {"http_up_s": up, "http_one": one, "http_eight": eight, "service_rss_mb": rss,
            "service_pss_mb": pss, "workers": workers}


# -- report --------------------------------------------------------------------
def report(size: int, build: dict, ver: dict, brute: dict, service: dict) -> None:
    print(f"\n## {size:,} quotes")
    print(f"in-process: build {build['build_s']:.1f} s | index RSS +{build['index_rss_mb']:.0f} MB "
          f"| verify p50 {ver['p50_ms']:.2f} ms p95 {ver['p95_ms']:.2f} ms p99 {ver['p99_ms']:.2f} ms "
          f"(mean {ver['mean_ms']:.2f})"
          + (f" | brute-force agreement {brute['bruteforce_agree']:.1%} (n={brute['bruteforce_n']})" if brute else ""))
    if "import_s" in service:
        print(f"store: `quotes import` {service['import_s']:.1f} s ({service['import_rate']:,.0f} quotes/s)"
              f" | start-up from SQLite (read rows + build) {service['startup_s']:.1f} s,"
              f" RSS {service['startup_rss_mb']:.0f} MB")
    if "http_one" in service:
        one, eight = service["http_one"], service["http_eight"]
        print(f"http: gunicorn {service['workers']} workers, up in {service['http_up_s']:.1f} s"
              f" | 1 client p50 {one['p50']:.2f} ms p95 {one['p95']:.2f} ms p99 {one['p99']:.2f} ms"
              f" ({one['per_second']:.0f}/s) | 8 clients p50 {eight['p50']:.2f} ms p95"
              f" {eight['p95']:.2f} ms p99 {eight['p99']:.2f} ms, {eight['per_second']:.0f} verifies/s"
              f" | service PSS {service['service_pss_mb']:.0f} MB (RSS summed"
              f" {service['service_rss_mb']:.0f} MB)")
    print("| kind | n | top-1 | recall@5 | verified | altered | ambiguous | not_found |")
    print("|---|---|---|---|---|---|---|---|")
    for kind in KINDS:
        c = ver["per_kind"].get(kind)
        if not c:
            continue
        n = c["n"]
        t1 = "-" if kind == "absent" else f"{c['top1'] / n:.1%}"
        r5 = "-" if kind == "absent" else f"{c['recall5'] / n:.1%}"
        print(f"| {kind} | {n} | {t1} | {r5} | " + " | ".join(
            f"{c[v] / n:.1%}" for v in ("verified", "altered", "ambiguous", "not_found")) + " |")
    sys.stdout.flush()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100000,300000,676377")
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--brute", type=int, default=100, help="queries checked against the exhaustive scan (0: skip)")
    ap.add_argument("--skip-http", action="store_true",
                    help="skip `quotes import`, start-up from SQLite and the gunicorn section")
    ap.add_argument("--http-queries", type=int, default=1000)
    ap.add_argument("--workdir", default="/tmp/quotes-bench")
    ap.add_argument("--data", default=str(DATA))
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.exists():
        print(f"bench corpus not found at {data}: skipping")
        return 0
    t0 = time.perf_counter()
    corpus = load_corpus(data)
    random.Random(1).shuffle(corpus)
    print(f"loaded {len(corpus):,} records in {time.perf_counter() - t0:.1f} s; cpus={os.cpu_count()}")
    for size in [int(s) for s in args.sizes.split(",")]:
        records = corpus[:size]
        index, build = bench_build(records)
        store = BenchStore(records)
        queries = make_queries(records, args.queries)
        verify(index, store, "warm up the caches")
        ver = bench_verify(index, store, queries)
        brute = bench_bruteforce(index, records, queries, args.brute) if args.brute else {}
        gc.unfreeze()
        del index, store
        gc.collect()
        service: dict = {}
        if not args.skip_http:
            workdir = Path(args.workdir)
            workdir.mkdir(parents=True, exist_ok=True)
            service.update(bench_import(records, workdir))
            service.update(bench_store_startup(service["db"]))
            service.update(bench_http(service["db"], queries[: args.http_queries], workdir))
            for f in workdir.glob(service["db"].name + "*"):
                f.unlink()
        report(size, build, ver, brute, service)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
