"""Measuring the running service: import, start-up, memory, HTTP latency.

Used by bench/matching.py (the one benchmark entry point). Imports go through
the real `quotes import`; the service is the real gunicorn app; memory is RSS
summed over master and workers and PSS (shared pages counted once); latency
is measured for one client and for 8 concurrent clients run as separate
processes, so the client's GIL does not cap the server.
"""
from __future__ import annotations

import http.client
import json
import multiprocessing
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


# -- the service --------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def import_store(db: Path, source: Path) -> dict:
    """`quotes import SOURCE --db DB`; returns its summary line."""
    started = time.perf_counter()
    out = subprocess.run([PYTHON, "-m", "service.cli", "import", str(source), "--db", str(db),
                          "--no-progress", "--batch-size", "10000"],
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
    """Latency percentiles and throughput of `clients` concurrent clients,
    each a separate process with its own connection. The processes are
    started and warmed up before the clock starts, so only requests count."""
    chunks = [queries[i::clients] for i in range(clients)]
    with multiprocessing.get_context("spawn").Pool(clients) as pool:
        pool.map(run_client, [(port, queries[:10])] * clients)  # warm up clients and workers
        started = time.perf_counter()
        parts = pool.map(run_client, [(port, c) for c in chunks])
        elapsed = time.perf_counter() - started
    latencies = [x for part in parts for x in part]
    return {"p50": percentile(latencies, 50), "p95": percentile(latencies, 95),
            "p99": percentile(latencies, 99), "per_second": len(latencies) / elapsed}
