"""Files shipped beside the package: the quote corpus and openapi.yaml.

In a source checkout (editable install) they sit in the project root, the
package's parent; an installed image keeps them in its working directory.
"""
from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def project_file(name: str) -> Path:
    for base in (PROJECT_ROOT, Path.cwd()):
        if (base / name).exists():
            return base / name
    return PROJECT_ROOT / name
