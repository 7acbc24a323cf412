"""A content-addressed cache of detector results, so that a re-run over an unchanged export skips
work already done.

A key is the SHA-256 of the bytes examined plus the detector's name and version: a changed file or
a new detector version simply misses. Only results are stored (small JSON documents: coordinates,
times, labels, image fingerprints), never images or text from the export. They live in one SQLite file in the user's
cache directory (`platformdirs`): the folder is 0700, the files 0600. `offduty forget` deletes it,
`--no-cache` skips it, and `OFFDUTY_CACHE_DIR` points it elsewhere (the tests use it).

Workers only read; the process that owns the audit writes, in batches, so there is one writer.
A cache that cannot be opened or written is not an error: the audit goes on without it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

CACHE_ENV = "OFFDUTY_CACHE_DIR"
DATABASE = "results.sqlite3"
BATCH = 500


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("offduty", appauthor=False)) / "results"


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def result_key(digest: str, detector: str, version: str) -> str:
    """The key of one detector's result on bytes whose SHA-256 is `digest`."""
    return hashlib.sha256(f"{digest}\x00{detector}\x00{version}".encode()).hexdigest()


def identity_key(identity: str) -> str:
    return hashlib.sha256(b"identity\x00" + identity.encode("utf-8", "surrogateescape")).hexdigest()


class ResultCache:
    def __init__(self, folder: Path | None = None):
        self.folder = folder or cache_dir()
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._broken = False
        self._pending: dict[str, str] = {}

    def __getstate__(self) -> dict[str, Any]:
        """What a worker gets: where the cache is, not an open connection or unsaved results."""
        return {"folder": self.folder, "hits": 0, "misses": 0, "_db": None, "_broken": self._broken, "_pending": {}}

    def _connection(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            try:
                self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                path = self.folder / DATABASE
                os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))  # SQLite's own files follow its mode
                self._db = sqlite3.connect(path, timeout=30, isolation_level=None)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            except (OSError, sqlite3.Error):
                self._broken, self._db = True, None
        return self._db

    def get(self, key: str) -> Any | None:
        text = self._pending.get(key)
        if text is None:
            db = self._connection()
            row = None
            if db is not None:
                try:
                    row = db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
                except sqlite3.Error:
                    row = None
            text = row[0] if row else None
        if text is None:
            self.misses += 1
            return None
        self.hits += 1
        return json.loads(text)

    def put(self, key: str, value: Any) -> None:
        self._pending[key] = json.dumps(value, separators=(",", ":"))
        if len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write what was put since the last flush, in one transaction."""
        if not self._pending:
            return
        db = self._connection()
        if db is not None:
            try:
                with db:
                    db.execute("BEGIN")
                    db.executemany("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", self._pending.items())
            except sqlite3.Error:
                pass
        self._pending.clear()

    def known_digest(self, identity: str) -> str | None:
        """The content digest last seen for a file identity (path, size, time or checksum: see
        `ExportSource.identity`), so that a re-run need not read and hash unchanged files. Like git's
        index, it trusts that a file with the same identity has the same bytes. The identity itself
        is stored only as a hash."""
        found = self.get(identity_key(identity))
        return found if isinstance(found, str) else None

    def remember_digest(self, identity: str, digest: str) -> None:
        self.put(identity_key(identity), digest)

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None


def forget(folder: Path | None = None) -> Path | None:
    """Delete the cache; returns the folder deleted, or None when there was none."""
    folder = folder or cache_dir()
    if not folder.exists():
        return None
    shutil.rmtree(folder)
    return folder
