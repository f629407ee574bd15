"""helpkit.directory.notes: every row's note in every built language, or a build that says which is missing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from helpkit.directory.channels import load_channels
from helpkit.directory.notes import NotesError, load_notes

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "fr", "nl", "de", "es", "it", "pl", "pt", "ro", "uk", "ar")


def test_the_real_notes_cover_every_row_in_every_language() -> None:
    table = load_channels(ROOT / "data" / "reporting-channels.csv", today=date.today())
    notes = load_notes(ROOT / "data" / "notes", section="channels", languages=LANGUAGES, ids=table.ids)
    assert all(set(notes[language]) == set(table.ids) for language in LANGUAGES)


def write(folder: Path, language: str, text: str) -> None:
    (folder / f"{language}.yml").write_text(text, encoding="utf-8")


def test_a_missing_note_names_the_row_id_and_the_language(tmp_path: Path) -> None:
    write(tmp_path, "en", 'channels:\n  be-a: "A."\n  be-b: "B."\n')
    write(tmp_path, "fr", 'channels:\n  be-a: "A."\n  be-c: "C."\n  be-b: "<b>B</b>"\n')
    with pytest.raises(NotesError) as caught:
        load_notes(tmp_path, section="channels", languages=["fr", "de"], ids=["be-a", "be-b"])
    problems = list(caught.value.problems)
    assert problems[0].endswith("fr.yml: channels.be-c: unknown id: no row of data/reporting-channels.csv has it")
    assert any(
        p.endswith(
            "fr.yml: channels.be-b: '<b>B</b>': expected plain text, not HTML: the site writes the markup itself"
        )
        for p in problems
    )
    assert problems[-1].endswith(
        "de.yml: missing: expected the de notes of the rows of data/reporting-channels.csv, data/platforms.csv "
        "(translate en.yml beside it)"
    )


def test_a_row_without_its_english_note_is_named(tmp_path: Path) -> None:
    write(tmp_path, "en", 'channels:\n  be-a: "A."\n')
    with pytest.raises(NotesError) as caught:
        load_notes(tmp_path, section="channels", languages=["en"], ids=["be-a", "be-b"])
    assert [str(p).removeprefix(str(tmp_path) + "/") for p in caught.value.problems] == [
        "en.yml: channels.be-b: missing: expected the en note of row id 'be-b' of data/reporting-channels.csv"
    ]


def test_an_editions_notes_need_its_added_rows_and_may_correct_the_kits(tmp_path: Path) -> None:
    (tmp_path / "pl.yml").write_text('channels:\n  pl-own: "Nasz."\n  pl-kit: "Poprawiona."\n', encoding="utf-8")
    found = load_notes(
        tmp_path, section="channels", languages=["pl"], ids=["pl-own"], optional=["pl-kit"], reference=False
    )
    assert found == {"pl": {"pl-own": "Nasz.", "pl-kit": "Poprawiona."}}
    with pytest.raises(NotesError) as caught:
        load_notes(
            tmp_path,
            section="channels",
            languages=["pl", "en"],
            ids=["pl-own"],
            data_file="edition/reporting-channels.csv",
            reference=False,
        )
    assert [str(problem) for problem in caught.value.problems] == [
        f"{tmp_path}/pl.yml: channels.pl-kit: unknown id: no row of edition/reporting-channels.csv has it",
        f"{tmp_path}/en.yml: missing: expected the en notes of the rows edition/reporting-channels.csv adds "
        "(pl-own), under `channels:`",
    ]
