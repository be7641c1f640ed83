"""The service end to end at scale: import, start-up, memory, HTTP latency.

    .venv/bin/python bench/serving.py [--sizes 100000,300000,676377] [--requests 2000]

For each size it imports the first N records of the bench corpus through
`quotes import`, starts the real gunicorn service on that store, and measures
start-up time, memory of the whole service (RSS summed over master and
workers, and PSS, which counts shared pages once), and verify latency over
HTTP for one client and for 8 concurrent clients (separate processes, so the
client's GIL does not cap the server). Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import gzip
import http.client
import json
import multiprocessing
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "bench-corpus" / "quotes.jsonl.gz"
PYTHON = sys.executable


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


# -- queries ------------------------------------------------------------------------
def sample_queries(n_records: int, count: int, seed: int = 7) -> list[str]:
    """Fragments (6-14 words) of records among the first n_records; half of
    them with one word replaced, as a misquote would be."""
    rng = random.Random(seed)
    wanted = set(rng.sample(range(n_records), min(count, n_records)))
    queries = []
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= n_records:
                break
            if i in wanted:
                words = json.loads(line)["text"].split()
                if len(words) < 6:
                    continue
                size = rng.randint(6, min(14, len(words)))
                start = rng.randint(0, len(words) - size)
                fragment = words[start:start + size]
                if rng.random() < 0.5:
                    fragment[rng.randrange(size)] = rng.choice(["never", "always", "people", "123"])
                queries.append(" ".join(fragment))
    rng.shuffle(queries)
    return queries


# -- the service --------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def import_store(db: Path, size: int) -> dict:
    started = time.perf_counter()
    out = subprocess.run([PYTHON, "-m", "service.cli", "import", str(DATA), "--limit", str(size),
                          "--db", str(db), "--no-progress", "--batch-size", "10000"],
                         check=True, capture_output=True, text=True, cwd=ROOT)
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    summary["wall_seconds"] = time.perf_counter() - started
    return summary


def start_service(db: Path, workers: int, empty_corpus: Path) -> tuple[subprocess.Popen, int, float]:
    port = free_port()
    env = dict(os.environ, QUOTES_DB_PATH=str(db), QUOTES_CORPUS_DIR=str(empty_corpus),
               QUOTES_PORT=str(port), QUOTES_WORKERS=str(workers), QUOTES_LOG_LEVEL="warning")
    started = time.perf_counter()
    proc = subprocess.Popen([PYTHON, "-m", "gunicorn", "-c", "python:service.gunicorn_conf",
                             "service:create_app()"], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        if proc.poll() is not None:
            raise RuntimeError("gunicorn exited during start-up")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/v1/health")
            if conn.getresponse().status == 200:
                return proc, port, time.perf_counter() - started
        except OSError:
            time.sleep(0.1)


def service_memory(pid: int) -> tuple[float, float]:
    """(RSS, PSS) in MiB summed over the master and its workers."""
    pids = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    rss = pss = 0
    for p in pids:
        for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss += int(line.split()[1])
            elif line.startswith("Pss:"):
                pss += int(line.split()[1])
    return rss / 1024, pss / 1024


# -- clients ------------------------------------------------------------------------
def run_client(args: tuple[int, list[str]]) -> list[float]:
    port, queries = args
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    latencies = []
    for q in queries:
        body = json.dumps({"quote": q, "limit": 5})
        started = time.perf_counter()
        conn.request("POST", "/v1/verify", body, {"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        latencies.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            raise RuntimeError(f"verify answered {response.status}")
    return latencies


def http_latency(port: int, queries: list[str], clients: int) -> dict:
    run_client((port, queries[:50]))  # warm up every code path once
    chunks = [queries[i::clients] for i in range(clients)]
    started = time.perf_counter()
    if clients == 1:
        latencies = run_client((port, queries))
    else:
        with multiprocessing.Pool(clients) as pool:
            latencies = [x for part in pool.map(run_client, [(port, c) for c in chunks]) for x in part]
    elapsed = time.perf_counter() - started
    return {"p50": percentile(latencies, 50), "p95": percentile(latencies, 95),
            "p99": percentile(latencies, 99), "per_second": len(latencies) / elapsed}


# -- one size -------------------------------------------------------------------------
def bench_size(size: int, n_requests: int, workers: int, workdir: Path) -> dict:
    db = workdir / f"bench-{size}.sqlite3"
    empty = workdir / "no-corpus"
    empty.mkdir(exist_ok=True)
    imported = import_store(db, size)
    proc, port, startup = start_service(db, workers, empty)
    try:
        queries = sample_queries(size, n_requests)
        one = http_latency(port, queries, clients=1)
        eight = http_latency(port, queries, clients=8)
        rss, pss = service_memory(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return {"size": size, "import_per_s": imported["quotes_per_second"], "startup_s": startup,
            "rss_mib": rss, "pss_mib": pss, "one": one, "eight": eight}


def print_table(rows: list[dict], workers: int) -> None:
    print(f"\n| quotes | import /s | start-up s | RSS MiB ({workers} workers) | PSS MiB | "
          "HTTP p50 / p95 / p99 ms, 1 client | 1 client /s | "
          "p50 / p95 / p99 ms, 8 clients | 8 clients /s |")
    print("|---:|---:|---:|---:|---:|---|---:|---|---:|")
    for r in rows:
        one, eight = r["one"], r["eight"]
        print(f"| {r['size']:,} | {r['import_per_s']:,} | {r['startup_s']:.1f} | {r['rss_mib']:.0f} |"
              f" {r['pss_mib']:.0f} | {one['p50']:.2f} / {one['p95']:.2f} / {one['p99']:.2f} |"
              f" {one['per_second']:.0f} | {eight['p50']:.2f} / {eight['p95']:.2f} /"
              f" {eight['p99']:.2f} | {eight['per_second']:.0f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,300000,676377")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the stores in this folder")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is absent (it comes with ../shared)")
        return 0
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="quotes-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            row = bench_size(size, args.requests, args.workers, workdir)
            print(json.dumps(row), flush=True)
            rows.append(row)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print_table(rows, args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
