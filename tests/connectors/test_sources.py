import tarfile

import pytest

from connectors import PlannedInput, RejectedInput, discover_inputs
from connectors.sources import SourceError, open_source
from samplegen import builders

FILES = {"data/tweets.js": b"window.YTD.tweets.part0 = []", "data/account.js": b"window.YTD.account.part0 = []"}


def _tar(path, files):
    with tarfile.open(path, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            import io

            archive.addfile(info, io.BytesIO(data))


@pytest.mark.parametrize("form", ["folder", "zip", "tar.gz"])
def test_every_form_lists_and_streams_the_same_members(tmp_path, form):
    if form == "folder":
        builders.write_tree(tmp_path / "export", FILES)
        path = tmp_path / "export"
    elif form == "zip":
        path = tmp_path / "export.zip"
        builders.write_zip(path, FILES)
    else:
        path = tmp_path / "export.tar.gz"
        _tar(path, FILES)
    with open_source(path) as source:
        assert source.members() == sorted(FILES)
        assert source.read_bytes("data/account.js") == FILES["data/account.js"]
        assert source.size("data/tweets.js") == len(FILES["data/tweets.js"])


def test_hidden_files_and_macos_resource_forks_are_skipped(tmp_path):
    builders.write_zip(tmp_path / "a.zip", {**FILES, "__MACOSX/data/._tweets.js": b"x", ".DS_Store": b"x"})
    with open_source(tmp_path / "a.zip") as source:
        assert source.members() == sorted(FILES)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 truncated", b"definitely not a zip"])
def test_corrupt_archive_is_a_source_error(tmp_path, content):
    path = tmp_path / "facebook-export.zip"
    path.write_bytes(content)
    with pytest.raises(SourceError, match="not a readable .zip"):
        open_source(path)


def test_zip_with_a_wrapping_folder_is_read_below_it(tmp_path):
    builders.write_zip(tmp_path / "x.zip", {f"twitter-2025/{k}": v for k, v in FILES.items()})
    (plan,) = discover_inputs([tmp_path / "x.zip"])
    assert isinstance(plan, PlannedInput) and plan.connector.name == "x" and plan.prefix == "twitter-2025/"


def test_a_folder_of_exports_becomes_one_input_per_export(tmp_path):
    builders.write_tree(tmp_path / "downloads" / "twitter-2025", FILES)
    builders.write_zip(tmp_path / "downloads" / "instagram.zip", {"content/posts_1.json": b"[]"})
    builders.write_tree(tmp_path / "downloads" / "Camera", {"a.jpg": builders.jpeg()})
    plans = discover_inputs([tmp_path / "downloads"])
    assert sorted((p.path.name, p.connector.name) for p in plans) == [
        ("Camera", "photos"), ("instagram.zip", "instagram"), ("twitter-2025", "x")]


def test_things_that_are_not_exports_are_rejected_with_a_reason(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("milk")
    (tmp_path / "empty").mkdir()
    (tmp_path / "letter.docx").write_bytes(b"PK")
    plans = discover_inputs([tmp_path / "notes", tmp_path / "empty", tmp_path / "letter.docx", tmp_path / "missing"])
    assert all(isinstance(p, RejectedInput) for p in plans)
    assert [p.state for p in plans] == ["could not read", "could not read", "not understood", "could not read"]
    assert [p.reason for p in plans] == [
        "offduty does not recognise this as a data export of any platform it reads",
        "it is empty",
        "offduty does not know this kind of file on its own; give the whole export folder or archive",
        "no such file or folder",
    ]
