"""helpkit.i18n.glossary: each language's key terms, and the pages that use them."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT
from helpkit.i18n.glossary import TERMS, glossary_problems, read_glossary, unused_forms

GOOD = """\
sextortion: "sextorsion"
intimate_images: "photos intimes"
evidence: "preuves"
report: "signaler / signalement"
block: "bloquer"
helpline: "ligne d'écoute"
"""


def test_a_glossary_gives_each_term_its_forms(tmp_path: Path) -> None:
    path = tmp_path / "fr.yml"
    path.write_text(GOOD, encoding="utf-8")
    glossary, problems = read_glossary(path)
    assert problems == []
    assert glossary["report"] == ("signaler", "signalement") and set(glossary) == set(TERMS)


def test_a_term_missing_empty_or_unknown_is_named(tmp_path: Path) -> None:
    path = tmp_path / "fr.yml"
    path.write_text(GOOD.replace('block: "bloquer"', 'block: ""').replace('evidence: "preuves"\n', "") + "blok: x\n")
    _, problems = read_glossary(path)
    assert problems == [
        f"{path}: evidence: None: expected the word the pages use for it",
        f"{path}: block: '': expected the word the pages use for it",
        f"{path}: blok: unknown term: expected only {', '.join(TERMS)}",
    ]


def test_a_form_counts_at_the_start_of_a_word_whatever_its_case() -> None:
    glossary = {"report": ("signaler", "signalement"), "block": ("bloquer",), "evidence": ("preuve",)}
    pages = ["Tu peux Signaler le compte.", "Garde des preuves.", "débloquer"]
    assert unused_forms(glossary, pages) == [("report", "signalement"), ("block", "bloquer")]


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_every_language_has_a_glossary_its_pages_hold_to(language: str) -> None:
    assert glossary_problems(ROOT / "data" / "glossary", ROOT / "docs", language) == []
