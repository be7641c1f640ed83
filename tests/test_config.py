from __future__ import annotations

from dataclasses import fields

import pytest

from service.config import Config, ConfigError, env_name
from service.resources import project_file


def test_defaults_need_no_environment():
    config = Config.from_env({})
    assert config.port == 8000 and config.max_batch_items == 1000


def test_values_are_read_and_typed():
    config = Config.from_env({"QUOTES_PORT": "9001", "QUOTES_MAX_BATCH_ITEMS": " 20 ",
                              "QUOTES_DB_PATH": "/tmp/x.sqlite3"})
    assert (config.port, config.max_batch_items, config.db_path) == (9001, 20, "/tmp/x.sqlite3")


@pytest.mark.parametrize("variable, value, message", [
    ("QUOTES_PORT", "eighty", "QUOTES_PORT must be a whole number"),
    ("QUOTES_PORT", "70000", "QUOTES_PORT must be between"),
    ("QUOTES_MAX_QUOTE_CHARS", "0", "QUOTES_MAX_QUOTE_CHARS must be at least 1"),
    ("QUOTES_WORKERS", "-2", "QUOTES_WORKERS must be at least 1"),
    ("QUOTES_LOG_LEVEL", "loud", "QUOTES_LOG_LEVEL must be"),
    ("QUOTES_CORPUS_DIR", "/no/such/dir", "QUOTES_CORPUS_DIR is not a directory"),
    ("QUOTES_DEFAULT_LIMIT", "80", "QUOTES_DEFAULT_LIMIT must not exceed"),
])
def test_bad_values_are_refused_at_start_up(variable, value, message):
    with pytest.raises(ConfigError, match=message):
        Config.from_env({variable: value})


def test_every_setting_is_documented_in_the_readme():
    readme = project_file("README.md").read_text(encoding="utf-8")
    missing = [env_name(f.name) for f in fields(Config) if env_name(f.name) not in readme]
    assert missing == []
