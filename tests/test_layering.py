"""The domain core (extraction, matching, storage, use cases) imports no Flask:
HTTP is a thin layer over it, and the CLI and benchmarks use the core alone."""
from __future__ import annotations

import subprocess
import sys


def test_core_does_not_import_flask():
    code = ("import sys, service.core, service.commands, service.store.sqlite, service.verify;"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'werkzeug',"
            " 'marshmallow')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
