"""All settings, read once from the environment with typed defaults.

A bad value stops the service at start-up with a message naming the variable,
rather than surfacing later as a confusing failure. Every setting here is
documented in the README (a test checks that).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from service.resources import project_file


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Config:
    # Where the SQLite store lives; created on first start.
    db_path: str = "instance/quotes.sqlite3"
    # Quote records loaded into an empty store on first start ("" = none).
    corpus_dir: str = str(project_file("quotes"))
    # Largest request body accepted, in bytes (413 beyond it).
    max_body_bytes: int = 2 * 1024 * 1024
    # Longest document text accepted for ingestion, in characters.
    max_document_chars: int = 500_000
    # Longest quote accepted for verification, in characters.
    max_quote_chars: int = 5_000
    # Most items in one POST /v1/verify/batch.
    max_batch_items: int = 1_000
    # Matches returned per verification unless the request asks otherwise,
    # and the most a request may ask for.
    default_limit: int = 5
    max_limit: int = 50
    # Origins allowed to call the read endpoints from a browser ("*" = any).
    cors_origins: str = "*"
    # Listening address and worker processes for `quotes serve` / gunicorn.
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 2
    log_level: str = "info"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> Config:
        """Read QUOTES_<NAME> variables, e.g. QUOTES_DB_PATH, QUOTES_PORT."""
        environ = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            var = env_name(f.name)
            if f.name in overrides:
                raw = overrides[f.name]
            elif var in environ:
                raw = environ[var]
            else:
                continue
            values[f.name] = _coerce(var, f.type, raw)
        config = cls(**values)
        config.validate()
        return config

    def validate(self) -> None:
        positive = ("max_body_bytes", "max_document_chars", "max_quote_chars",
                    "max_batch_items", "default_limit", "max_limit", "workers")
        for name in positive:
            if getattr(self, name) < 1:
                raise ConfigError(f"{env_name(name)} must be at least 1, got {getattr(self, name)}")
        if not 0 < self.port < 65536:
            raise ConfigError(f"QUOTES_PORT must be between 1 and 65535, got {self.port}")
        if self.default_limit > self.max_limit:
            raise ConfigError("QUOTES_DEFAULT_LIMIT must not exceed QUOTES_MAX_LIMIT")
        if not self.db_path:
            raise ConfigError("QUOTES_DB_PATH must not be empty")
        if self.corpus_dir and not Path(self.corpus_dir).is_dir():
            raise ConfigError(f"QUOTES_CORPUS_DIR is not a directory: {self.corpus_dir}")
        if self.log_level.lower() not in ("debug", "info", "warning", "error", "critical"):
            raise ConfigError(f"QUOTES_LOG_LEVEL must be debug, info, warning, error or critical,"
                              f" got {self.log_level!r}")


def env_name(field_name: str) -> str:
    return "QUOTES_" + field_name.upper()


def _coerce(var: str, type_name: str, raw) -> object:
    if type_name == "int":
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw
        try:
            return int(str(raw).strip())
        except ValueError:
            raise ConfigError(f"{var} must be a whole number, got {raw!r}") from None
    return str(raw)
