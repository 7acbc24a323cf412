"""One pass over archives: a compressed tar is never rewound, and every form of an export (folder,
zip, tar.gz; one worker or several; cold or warm cache) reads to the same records."""

import io
import tarfile
from datetime import datetime, timezone

import pytest

from auditor.cache import ResultCache
from samplegen import builders
from tests.conftest import read_export

ALBUM = "Takeout/Google Photos/Photos from 2024/"


def takeout_files(count: int) -> dict[str, bytes]:
    files = {}
    for index in range(count):
        name = f"IMG_{index:04d}.jpg"
        taken = datetime(2024, 5, 1, 12, index % 60, tzinfo=timezone.utc)
        files[ALBUM + name] = builders.jpeg(38.8 + index / 1e4, -97.6, taken, "Google", "Pixel 8")
        files[ALBUM + name + ".json"] = (f'{{"title": "{name}", "photoTakenTime": {{"timestamp": "{int(taken.timestamp())}"}},'
                                         f'"description": "photo {index}"}}').encode()
    files[ALBUM + "broken.jpg"] = b"\xff\xd8 not really"
    return files


def write_tar_sidecars_first(path, files: dict[str, bytes]) -> None:
    ordered = sorted(files, key=lambda n: (not n.endswith(".json"), n))
    with tarfile.open(path, "w:gz") as archive:
        for name in ordered:
            info = tarfile.TarInfo(name)
            info.size = len(files[name])
            archive.addfile(info, io.BytesIO(files[name]))


def summary(read) -> tuple:
    items = sorted((i.source.path, i.text, tuple((round(g.lat, 6), round(g.lon, 6), g.source) for g in i.geopoints),
                    i.created_at) for i in read.items)
    ledger = sorted((o.path, o.state, o.reason) for o in read.ledger)
    return items, ledger


@pytest.fixture(scope="module")
def forms(tmp_path_factory):
    root = tmp_path_factory.mktemp("forms")
    files = takeout_files(80)
    builders.write_tree(root / "folder", files)
    builders.write_zip(root / "takeout-20240501T000000Z-001.zip", files)
    write_tar_sidecars_first(root / "takeout-20240501T000000Z-001.tgz", files)
    return {"folder": root / "folder", "zip": root / "takeout-20240501T000000Z-001.zip",
            "tgz": root / "takeout-20240501T000000Z-001.tgz"}


def test_a_compressed_tar_is_read_in_one_pass(forms, monkeypatch):
    """Random access into a .tgz (which rewinds the gzip stream) is never used for these files."""
    from connectors.sources import TarSource

    def refuse(self, member):
        raise AssertionError(f"random access to {member}")

    monkeypatch.setattr(TarSource, "open", refuse)
    read = read_export(forms["tgz"])
    assert len([i for i in read.items if i.geopoints]) == 80


def test_every_form_reads_the_same(forms):
    reference = summary(read_export(forms["folder"]))
    assert len(reference[0]) == 80
    assert any(state == "could not read" for _, state, _ in reference[1])
    for form in ("zip", "tgz"):
        assert summary(read_export(forms[form])) == reference, form


def test_workers_and_the_cache_change_nothing(forms, tmp_path, monkeypatch):
    import connectors.media_pass as media_pass

    monkeypatch.setattr(media_pass, "POOL_MIN_TASKS", 1)
    reference = summary(read_export(forms["zip"]))
    assert summary(read_export(forms["zip"], jobs=2)) == reference
    cache = ResultCache(tmp_path / "cache")
    for form in ("folder", "zip", "tgz"):
        for jobs in (1, 2):  # the first run of each form fills the cache, the second reads from it
            assert summary(read_export(forms[form], jobs=jobs, cache=cache)) == reference, (form, jobs)
    assert cache.hits >= 3 * 81  # every warm run found every photo, the broken one included
