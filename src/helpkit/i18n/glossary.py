"""Each language's key terms, `data/glossary/<lang>.yml`: the words its pages use for the ideas a
frightened reader must recognise on every page (sextortion, intimate images, evidence, report,
block, helpline), so that a translator, or the next one, uses the same word throughout.

A glossary describes its pages: every form it gives must occur in them, at the start of a word.
`helpkit i18n status` lists what does not hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from helpkit.i18n.strings import read_yaml_texts

TERMS = ("sextortion", "intimate_images", "evidence", "report", "block", "helpline")
# Two forms of one term (a noun and its verb) are given as "form / form".
_SEPARATOR = "/"


def read_glossary(path: Path) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """The glossary's forms per term, and what is wrong with the file: a missing or unknown term,
    a form that is not text."""
    problems: list[str] = []
    table = read_yaml_texts(path, problems)
    if problems:
        return {}, [problem.replace("a strings file", "a glossary") for problem in problems]
    found: dict[str, tuple[str, ...]] = {}
    for term in TERMS:
        value = table.get(term)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{path}: {term}: {value!r}: expected the word the pages use for it")
            continue
        found[term] = tuple(form.strip() for form in value.split(_SEPARATOR) if form.strip())
    for key in sorted(set(table) - set(TERMS)):
        problems.append(f"{path}: {key}: unknown term: expected only {', '.join(TERMS)}")
    return found, problems


def unused_forms(glossary: Mapping[str, Iterable[str]], pages: Iterable[str]) -> list[tuple[str, str]]:
    """(term, form) of every form no page uses at the start of a word (case does not count)."""
    text = "\n".join(pages).casefold()
    return [
        (term, form)
        for term, forms in glossary.items()
        for form in forms
        if not re.search(rf"(?<!\w){re.escape(form.casefold())}", text)
    ]


def glossary_problems(folder: Path, docs: Path, language: str) -> list[str]:
    """What does not hold of a language's glossary: the file, its terms, its forms against docs/<lang>/."""
    path = folder / f"{language}.yml"
    if not path.is_file():
        return [f"{path}: missing: expected the {language} words for {', '.join(TERMS)}"]
    glossary, problems = read_glossary(path)
    pages = [page.read_text(encoding="utf-8") for page in sorted((docs / language).rglob("*.md"))]
    problems += [
        f"{path}: {term}: {form!r}: no page of docs/{language}/ uses it: expected the word the pages use"
        for term, form in unused_forms(glossary, pages)
    ]
    return problems
