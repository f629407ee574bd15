"""Pre-compressed copies: gzip at level 9, the same bytes from every build, beside each text file
worth compressing."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from helpkit.hosting.precompress import MIN_SIZE, gzipped, precompress, worth_compressing

TEXT = ("<p>Tell someone you trust. " * 200).encode()


def test_a_copy_decompresses_to_exactly_the_file_and_is_the_same_every_time() -> None:
    assert gzip.decompress(gzipped(TEXT)) == TEXT
    assert gzipped(TEXT) == gzipped(TEXT)
    # No modification time in the header (bytes 4 to 8), so a rebuild changes nothing.
    assert gzipped(TEXT)[4:8] == b"\0\0\0\0"


def test_a_copy_is_compressed_at_the_highest_level() -> None:
    data = Path(gzip.__file__).read_bytes()
    assert len(gzipped(data)) == len(gzip.compress(data, compresslevel=9, mtime=0)) < len(gzip.compress(data, 1))


@pytest.mark.parametrize(
    ("path", "size", "worth"),
    [
        ("index.html", MIN_SIZE + 1, True),
        ("search/search_index.json", 50_000, True),
        ("assets/x.css", 5_000, True),
        ("assets/x.js", 5_000, True),
        ("sitemap.xml", 5_000, True),
        ("assets/images/logo.svg", 5_000, True),
        ("data/reporting-channels.csv", 5_000, True),
        ("robots.txt", 5_000, True),
        ("index.html", MIN_SIZE, False),
        ("assets/images/favicon.png", 50_000, False),
        ("sitemap.xml.gz", 50_000, False),
        ("assets/x.js.map", 50_000, False),
        ("_headers", 50_000, False),
    ],
)
def test_text_files_over_a_kilobyte_are_worth_compressing(path: str, size: int, worth: bool) -> None:
    assert worth_compressing(path, size=size) is worth


def test_the_copies_are_written_beside_the_files_and_a_stale_one_is_made_anew(tmp_path: Path) -> None:
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "index.html").write_bytes(TEXT)
    (tmp_path / "small.html").write_bytes(b"<p>hi</p>")
    (tmp_path / "logo.png").write_bytes(TEXT)
    (tmp_path / "sitemap.xml").write_bytes(TEXT)
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(b"an older sitemap"))
    written = precompress(tmp_path)
    assert [(item.path, item.size) for item in written] == [("fr/index.html", len(TEXT)), ("sitemap.xml", len(TEXT))]
    assert all(item.compressed == len(gzipped(TEXT)) for item in written)
    assert gzip.decompress((tmp_path / "fr" / "index.html.gz").read_bytes()) == TEXT
    assert gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes()) == TEXT
    assert not (tmp_path / "small.html.gz").exists() and not (tmp_path / "logo.png.gz").exists()


def test_a_file_gzip_cannot_shrink_gets_no_copy(tmp_path: Path) -> None:
    (tmp_path / "noise.json").write_bytes(gzipped(TEXT) * 3)
    assert precompress(tmp_path) == []
    assert not (tmp_path / "noise.json.gz").exists()
