"""helpkit.i18n.strings: every language has every key of English, and no other."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpkit.i18n.strings import StringsError, load_strings

ROOT = Path(__file__).resolve().parent.parent

HIDDEN = "expected text without invisible or direction-changing characters; this text has "


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


def test_a_yaml_error_is_one_message_with_the_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "en.yml", "a:\n  b: One\n  c: [Two\n")
    write(tmp_path, "fr.yml", "a:\n  b: Un\n  c: Deux\n")
    with pytest.raises(StringsError) as caught:
        load_strings(tmp_path, ["en", "fr"])
    (problem,) = caught.value.problems
    assert problem.startswith(f"{tmp_path}/en.yml:4: not valid YAML (")
    assert problem.endswith("expected `key: text` lines as in en.yml")


def test_a_yaml_error_in_a_translation_names_its_line_and_hides_no_other_language(tmp_path: Path) -> None:
    write(tmp_path, "en.yml", "a: One\nb: Two\n")
    write(tmp_path, "fr.yml", "a: Un\nb: 'Deux\n")
    write(tmp_path, "de.yml", "a: Eins\n")
    with pytest.raises(StringsError) as caught:
        load_strings(tmp_path, ["en", "fr", "de"])
    assert caught.value.problems[0] == f"{tmp_path}/de.yml: b: missing: expected the text of 'Two'"
    assert caught.value.problems[1].startswith(f"{tmp_path}/fr.yml:3: not valid YAML (")
    assert len(caught.value.problems) == 2


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        ("a", "<script>alert(1)</script>", "expected plain text, not HTML: the site writes the markup itself"),
        ("a", "Hello <b>you</b>", "expected plain text, not HTML: the site writes the markup itself"),
        ("a", "Evil\u202eoverride", HIDDEN + "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("a", "Nul\x00here", HIDDEN + "U+0000 NULL"),
        ("directory.title", 'Say "help"', 'expected text without <, > or " (the theme prints it'),
    ],
)
def test_markup_invisible_characters_and_theme_breaking_quotes_are_refused(
    tmp_path: Path, key: str, text: str, expected: str
) -> None:
    section, _, name = key.rpartition(".")
    quoted = '"' + text.replace("\x00", "\\0").replace('"', '\\"') + '"'
    write(tmp_path, "en.yml", f"{section}:\n  {name}: {quoted}\n" if section else f"{name}: {quoted}\n")
    with pytest.raises(StringsError) as caught:
        load_strings(tmp_path, ["en"])
    (problem,) = caught.value.problems
    assert problem.startswith(f"{tmp_path}/en.yml: {key}: {text!r}: {expected}")


def test_plain_text_with_quotes_ampersands_and_arrows_in_words_is_accepted(tmp_path: Path) -> None:
    write(tmp_path, "en.yml", 'a: "Press \\"Leave\\" & go: 3 < 4, 5 > 2"\ndirectory:\n  title: "Who to call & where"\n')
    strings = load_strings(tmp_path, ["en"])
    assert strings["en"]["a"] == 'Press "Leave" & go: 3 < 4, 5 > 2'


def test_an_editions_own_strings_replace_the_kits_and_are_checked_the_same_way(tmp_path: Path) -> None:
    kit, own = tmp_path / "kit", tmp_path / "edition"
    kit.mkdir()
    own.mkdir()
    write(kit, "en.yml", "a:\n  b: One {country}\n  c: Two\n")
    write(kit, "pl.yml", "a:\n  b: Jeden {country}\n  c: Dwa\n")
    write(own, "pl.yml", "a:\n  c: Dwa, po naszemu\n")
    strings = load_strings(kit, ["en", "pl"], overrides=own)
    assert strings["pl"].table == {"a.b": "Jeden {country}", "a.c": "Dwa, po naszemu"}
    assert strings["en"]["a.c"] == "Two"
    write(own, "pl.yml", "a:\n  b: Jeden\n  d: Cztery\n  c: <b>Dwa</b>\n")
    with pytest.raises(StringsError) as caught:
        load_strings(kit, ["en", "pl"], overrides=own)
    problems = "\n".join(caught.value.problems)
    assert f"{own}/pl.yml: a.d: unknown key: expected one of the keys of {kit}/pl.yml" in problems
    assert f"{own}/pl.yml: a.b: 'Jeden': expected the placeholders of en.yml ({{country}})" in problems
    assert f"{own}/pl.yml: a.c: '<b>Dwa</b>'" in problems
    assert f"{kit}/pl.yml" not in problems.replace(f"keys of {kit}/pl.yml", "")
