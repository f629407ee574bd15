"""An edition's text blocks at the points the kit's pages declare (helpkit.edition.blocks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT
from helpkit.edition.blocks import declared_points, fill, points_in, read_blocks, without_markers
from helpkit.i18n.translations import source_hash
from helpkit.problems import ProblemsError

PAGE = "# Report\n\nIntro.\n\n<!-- edition: the-law-here -->\n\n## 2. Next\n\nText.\n"
POINTS = {"the-law-here", "after-you-report", "removal-services-here", "who-publishes-this"}


def test_a_page_declares_its_points_on_lines_of_their_own() -> None:
    assert points_in(PAGE) == ["the-law-here"]
    assert points_in("Text <!-- edition: the-law-here --> inline.\n") == []
    assert points_in("<!-- edition: Not_A_Name -->\n") == []


def test_a_block_takes_the_points_place_and_no_block_leaves_the_page_as_before() -> None:
    filled = fill(PAGE, {"the-law-here": "In Poland, this is a crime (art. 191).\n"})
    assert filled == "# Report\n\nIntro.\n\nIn Poland, this is a crime (art. 191).\n\n## 2. Next\n\nText.\n"
    assert fill(PAGE, {}) == "# Report\n\nIntro.\n\n## 2. Next\n\nText.\n" == without_markers(PAGE)


def test_a_point_added_to_an_english_page_leaves_its_translations_up_to_date() -> None:
    assert source_hash(PAGE) == source_hash(without_markers(PAGE))
    assert source_hash(PAGE) != source_hash(PAGE.replace("Intro.", "Introduction."))


def test_every_language_declares_the_same_points() -> None:
    declared = declared_points(ROOT / "docs", LANGUAGES)
    assert declared["en"] == POINTS
    assert {language: points for language, points in declared.items() if points != POINTS} == {}


def _write(folder: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def test_blocks_are_read_per_language_and_point(tmp_path: Path) -> None:
    folder = _write(tmp_path / "blocks", {"pl/the-law-here.md": "Prawo.\n", "en/the-law-here.md": "The law.\n"})
    points = {"en": POINTS, "pl": POINTS}
    assert read_blocks(folder, points=points) == {
        "en": {"the-law-here": "The law.\n"},
        "pl": {"the-law-here": "Prawo.\n"},
    }
    assert read_blocks(tmp_path / "none", points=points) == {}


def test_every_wrong_block_is_named_at_once(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "blocks",
        {
            "pl/the-law.md": "A point no page declares.",
            "xx/the-law-here.md": "A language not built.",
            "pl/after-you-report.md": "  \n",
            "pl/who-publishes-this.md": b"\xff\xfe",
            "pl/notes.txt": "Not a block.",
            "the-law-here.md": "No language.",
        },
    )
    with pytest.raises(ProblemsError) as raised:
        read_blocks(folder, points={"en": POINTS, "pl": POINTS})
    message = str(raised.value)
    assert (
        f"{folder}/pl/the-law.md: point 'the-law' is not declared by any page in docs/pl/: expected one of" in message
    )
    assert "after-you-report, removal-services-here, the-law-here, who-publishes-this" in message
    assert f"{folder}/xx/the-law-here.md: language 'xx' is not built: expected one of en, pl" in message
    assert f"{folder}/pl/after-you-report.md: empty" in message
    assert f"{folder}/pl/who-publishes-this.md: byte 0: not UTF-8" in message
    assert f"{folder}/pl/notes.txt: expected a block as" in message
    assert f"{folder}/the-law-here.md: expected a block as" in message
