"""An edition's own images under edition/assets/ (helpkit.edition.assets)."""

from __future__ import annotations

from pathlib import Path

from helpkit.edition.assets import edition_assets


def test_each_file_is_published_at_its_path_under_assets(tmp_path: Path) -> None:
    folder = tmp_path / "edition" / "assets"
    (folder / "images" / "local").mkdir(parents=True)
    (folder / "images" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (folder / "images" / "local" / "poster.png").write_bytes(b"\x89PNG")
    assert edition_assets(folder) == {
        "assets/images/local/poster.png": folder / "images" / "local" / "poster.png",
        "assets/images/logo.svg": folder / "images" / "logo.svg",
    }


def test_no_folder_no_assets(tmp_path: Path) -> None:
    assert edition_assets(tmp_path / "edition" / "assets") == {}
