"""The result cache: content-addressed, private, results only, and forgettable."""

import stat

from auditor.cache import ResultCache, cache_dir, content_digest, forget, result_key


def test_keys_depend_on_bytes_detector_and_version():
    digest = content_digest(b"photo")
    assert result_key(digest, "meta", "1") != result_key(digest, "meta", "2")
    assert result_key(digest, "meta", "1") != result_key(digest, "faces", "1")
    assert result_key(digest, "meta", "1") != result_key(content_digest(b"photo!"), "meta", "1")


def test_values_round_trip_and_files_are_private(tmp_path):
    cache = ResultCache(tmp_path / "c")
    key = result_key(content_digest(b"x"), "meta", "1")
    assert cache.get(key) is None
    cache.put(key, {"geo": [1.0, 2.0, "exif", None]})
    assert cache.get(key) == {"geo": [1.0, 2.0, "exif", None]}  # before it is written
    cache.close()
    again = ResultCache(tmp_path / "c")
    assert again.get(key) == {"geo": [1.0, 2.0, "exif", None]}  # after, from the file
    assert (cache.hits, cache.misses, again.hits) == (1, 1, 1)
    again.close()
    folders = [p for p in (tmp_path / "c").rglob("*") if p.is_dir()] + [tmp_path / "c"]
    files = [p for p in (tmp_path / "c").rglob("*") if p.is_file()]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o700 for p in folders)
    assert files and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)


def test_identities_are_stored_only_as_hashes(tmp_path):
    cache = ResultCache(tmp_path)
    cache.remember_digest("file\x00/home/officer/secret-name.jpg\x00123", "abc")
    cache.close()
    assert cache.known_digest("file\x00/home/officer/secret-name.jpg\x00123") == "abc"
    cache.close()
    assert cache.known_digest("file\x00/home/officer/secret-name.jpg\x00124") is None
    assert not any(b"secret-name" in p.read_bytes() or "secret-name" in p.name for p in tmp_path.rglob("*") if p.is_file())


def test_an_unwritable_cache_is_not_an_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    cache = ResultCache(blocker / "below")  # cannot create a folder under a file
    cache.put("ab" * 32, {"x": 1})
    cache.close()
    assert cache.get("cd" * 32) is None


def test_forget_deletes_the_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("OFFDUTY_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    assert forget() is None
    cache = ResultCache()
    cache.put("cd" * 32, [1])
    cache.close()
    assert forget() == tmp_path / "mine" and not (tmp_path / "mine").exists()
