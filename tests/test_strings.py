"""helpkit.strings: every language has every key of English, and no other."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpkit.strings import StringsError, load_strings

ROOT = Path(__file__).resolve().parent.parent


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_the_project_strings_are_complete() -> None:
    strings = load_strings(ROOT / "data" / "strings", ["en", "fr"])
    assert strings["fr"]["quick_exit.label"] == "Quitter ce site"
    assert set(strings["fr"].section("directory.kinds")) == set(strings["en"].section("directory.kinds"))


def test_missing_unknown_and_empty_keys_are_all_reported(tmp_path: Path) -> None:
    write(tmp_path, "en.yml", "a:\n  b: One\n  c: Two\n")
    write(tmp_path, "fr.yml", "a:\n  b: ''\n  d: Trois\n")
    with pytest.raises(StringsError) as caught:
        load_strings(tmp_path, ["en", "fr"])
    assert caught.value.problems == (
        f"{tmp_path}/fr.yml: a.b: '': expected a non-empty text",
        f"{tmp_path}/fr.yml: a.c: missing: expected the text of 'Two'",
        f"{tmp_path}/fr.yml: a.d: unknown key: expected one of the keys of en.yml",
    )


def test_a_language_without_a_file_is_named(tmp_path: Path) -> None:
    write(tmp_path, "en.yml", "a: One\n")
    with pytest.raises(StringsError, match=r"ar\.yml: missing: expected a strings file"):
        load_strings(tmp_path, ["en", "ar"])
