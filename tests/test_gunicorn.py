"""The real deployment path: gunicorn, several workers, one SQLite store.

A document ingested through one worker must be verifiable through every
worker at once, survive a restart, and disappear from all of them on delete.
The test starts and stops its own server on a free loopback port.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.test_api import ARTICLE

QUERY = {"quote": "the audit is a stalling tactic"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, tmp_path, workers: int = 3):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        empty = tmp_path / "no-corpus"
        empty.mkdir(exist_ok=True)
        self.env = dict(os.environ, QUOTES_DB_PATH=str(tmp_path / "served.sqlite3"),
                        QUOTES_CORPUS_DIR=str(empty), QUOTES_PORT=str(self.port),
                        QUOTES_WORKERS=str(workers), QUOTES_LOG_LEVEL="warning")
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf",
             "service:create_app()"], env=self.env,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail("gunicorn exited: " + self.process.stderr.read().decode()[-2000:])
            try:
                if requests.get(self.url + "/v1/health", timeout=1).ok:
                    return self
            except requests.ConnectionError:
                time.sleep(0.2)
        pytest.fail("gunicorn did not answer within 30 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@pytest.fixture
def server(tmp_path):
    server = Server(tmp_path)
    yield server.start()
    server.stop()


def burst(url: str, n: int = 48) -> list[str]:
    """n verifies from 8 concurrent clients, so that every worker answers some."""
    def one(_):
        return requests.post(url + "/v1/verify", json=QUERY, timeout=10).json()["verdict"]

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, range(n)))


def test_write_through_one_worker_is_seen_by_all_and_survives_restart(server, tmp_path):
    assert set(burst(server.url, 16)) == {"not_found"}
    response = requests.post(server.url + "/v1/documents", timeout=30, json={
        "text": ARTICLE, "title": "Budget fight", "published": "2026-03-03"})
    assert response.status_code == 201
    doc_id = response.json()["document"]["id"]
    assert set(burst(server.url)) == {"verified"}

    server.stop()
    server.start()
    assert set(burst(server.url)) == {"verified"}

    assert requests.delete(f"{server.url}/v1/documents/{doc_id}", timeout=10).status_code == 204
    assert set(burst(server.url)) == {"not_found"}
    health = requests.get(server.url + "/v1/health", timeout=10).json()
    assert health["quotes"] == health["indexed_quotes"] == 0


def test_errors_under_gunicorn_are_problems(server):
    response = requests.post(server.url + "/v1/verify", data=b"\xff{",
                             headers={"Content-Type": "application/json"}, timeout=10)
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("application/problem+json")
    big = requests.post(server.url + "/v1/verify", json={"quote": "x" * 3_000_000}, timeout=30)
    assert big.status_code == 413
