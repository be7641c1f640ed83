"""The relational schema, in SQL that SQLite and PostgreSQL both accept.

Every write transaction takes the next number from ``index_version`` and
stamps it on the quotes it adds (``quotes.seq``) or on the ids it removes
(``removals.seq``). A worker that last saw version N asks for the rows with a
larger seq and so catches up without rebuilding its index.
"""

SCHEMA_VERSION = 1

STATEMENTS = [
    """
    CREATE TABLE IF NOT EXISTS documents (
        id            TEXT PRIMARY KEY,
        content_hash  TEXT NOT NULL UNIQUE,
        title         TEXT,
        outlet        TEXT,
        url           TEXT,
        published     TEXT,
        kind          TEXT,
        created       TEXT NOT NULL,
        quote_count   INTEGER NOT NULL DEFAULT 0,
        body          TEXT
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS quotes (
        id               TEXT PRIMARY KEY,
        document_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position         INTEGER NOT NULL,
        seq              INTEGER NOT NULL,
        text             TEXT NOT NULL,
        speaker_name     TEXT,
        speaker_kind     TEXT,
        speaker_mention  TEXT,
        speaker_title    TEXT,
        date_value       TEXT,
        date_precision   TEXT,
        date_basis       TEXT,
        date_expression  TEXT,
        context          TEXT,
        confidence       REAL NOT NULL,
        rule             TEXT NOT NULL,
        fragment         INTEGER NOT NULL DEFAULT 0,
        cue              TEXT,
        spans            TEXT
    )
    """,
    "CREATE INDEX IF NOT EXISTS quotes_document ON quotes(document_id)",
    "CREATE INDEX IF NOT EXISTS quotes_seq ON quotes(seq)",
    """
    CREATE TABLE IF NOT EXISTS removals (
        seq       INTEGER NOT NULL,
        quote_id  TEXT NOT NULL
    )
    """,
    "CREATE INDEX IF NOT EXISTS removals_seq ON removals(seq)",
    """
    CREATE TABLE IF NOT EXISTS index_version (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        seq  INTEGER NOT NULL
    )
    """,
    "INSERT INTO index_version (id, seq) VALUES (1, 0) ON CONFLICT DO NOTHING",
]

QUOTE_COLUMNS = (
    "id, document_id, position, seq, text, speaker_name, speaker_kind, speaker_mention,"
    " speaker_title, date_value, date_precision, date_basis, date_expression, context,"
    " confidence, rule, fragment, cue, spans"
)
DOCUMENT_COLUMNS = "id, content_hash, title, outlet, url, published, kind, created, quote_count"
