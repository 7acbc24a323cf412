"""A content-addressed cache of detector results, so that a re-run over an unchanged export skips
work already done.

A key is the SHA-256 of the bytes examined plus the detector's name and version: a changed file or
a new detector version simply misses. Only results are stored (small JSON documents: coordinates,
times, labels), never images or text from the export. The folder is the user's cache directory
(`platformdirs`), created 0700, with files 0600; `offduty forget` deletes it, `--no-cache` skips it.
`OFFDUTY_CACHE_DIR` points it elsewhere (the tests use it).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

CACHE_ENV = "OFFDUTY_CACHE_DIR"


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


class ResultCache:
    def __init__(self, folder: Path | None = None):
        self.folder = folder or cache_dir()
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> Any | None:
        try:
            with open(self._path(key), encoding="utf-8") as handle:
                value = json.load(handle)
        except (OSError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def known_digest(self, identity: str) -> str | None:
        """The content digest last seen for a file identity (path, size, time or checksum: see
        `ExportSource.identity`), so that a re-run need not read and hash unchanged files. Like git's
        index, it trusts that a file with the same identity has the same bytes. The identity itself
        is stored only as a hash."""
        found = self.get(self._identity_key(identity))
        return found if isinstance(found, str) else None

    def remember_digest(self, identity: str, digest: str) -> None:
        self.put(self._identity_key(identity), digest)

    @staticmethod
    def _identity_key(identity: str) -> str:
        return hashlib.sha256(b"identity\x00" + identity.encode("utf-8", "surrogateescape")).hexdigest()

    def put(self, key: str, value: Any) -> None:
        """Written atomically (a private temporary file renamed into place), so that parallel workers
        and an interrupted run never leave half a result behind. A cache that cannot be written is
        not an error: the audit goes on without it."""
        target = self._path(key)
        try:
            for folder in (self.folder, target.parent):
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")  # created 0600
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(value, out, separators=(",", ":"))
            os.replace(temporary, target)
        except OSError:
            return


def forget(folder: Path | None = None) -> Path | None:
    """Delete the cache; returns the folder deleted, or None when there was none."""
    folder = folder or cache_dir()
    if not folder.exists():
        return None
    shutil.rmtree(folder)
    return folder
