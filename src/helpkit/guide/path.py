"""The guided path's structure: data/guide.yml read and checked, every problem collected.

A panicking reader who taps an answer must land somewhere that helps: so every answer leads to a
question of the file or to a page that exists (with its anchor), every question can be reached
from the first one, none offers fewer than 2 or more than 6 answers, and no path leads back to a
question already asked. Checked once per build, for the English structure every language shares;
the strings loader makes every language carry the words English has.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from helpkit.problems import ProblemsError
from helpkit.yamltext import load_yaml

DATA_FILE = "data/guide.yml"
# The strings section that holds the words: guide.QUESTION.question, guide.QUESTION.ANSWER.
SECTION = "guide"
MIN_ANSWERS, MAX_ANSWERS = 2, 6
# The folder of the generated pages; the first question is its index page.
FOLDER = "guide"
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_PAGE = re.compile(r"(?P<page>[a-z0-9][a-z0-9_/-]*\.md)(?:#(?P<anchor>[a-z0-9][a-z0-9_-]*))?")
# How a page names an anchor it can be linked to: `## Heading { #anchor }`.
_ANCHOR = re.compile(r"\{\s*#([A-Za-z0-9_-]+)\s*\}")


class GuideError(ProblemsError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(DATA_FILE, problems)


@dataclass(frozen=True)
class Answer:
    name: str
    # Another question's name, or a page's path below the language folder ("threatened/stop.md#already-paid").
    target: str
    leads_to_question: bool


@dataclass(frozen=True)
class Question:
    name: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Guide:
    start: str
    questions: Mapping[str, Question]

    def page_of(self, question: str) -> str:
        """The Markdown path of a question's page: the first question is the folder's index."""
        return f"{FOLDER}/index.md" if question == self.start else f"{FOLDER}/{question}.md"

    def string_keys(self) -> set[str]:
        """The strings each language must hold for the path: a question's words and each answer's."""
        keys = set()
        for question in self.questions.values():
            keys.add(f"{SECTION}.{question.name}.question")
            keys.update(f"{SECTION}.{question.name}.{answer.name}" for answer in question.answers)
        return keys


def read_guide(path: Path, *, pages: Mapping[str, str], strings: Set[str]) -> Guide:
    """The guide in `path`, checked against the English pages (path -> Markdown) and strings keys."""
    try:
        tree = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise GuideError(
            [f"{DATA_FILE}: cannot read it ({error}): expected the YAML file data/README.md describes"]
        ) from None
    return parse_guide(tree, pages=pages, strings=strings)


def parse_guide(tree: Any, *, pages: Mapping[str, str], strings: Set[str]) -> Guide:
    """The guide in a loaded YAML tree; raises GuideError naming every problem at once."""
    problems: list[str] = []
    if not isinstance(tree, Mapping) or not isinstance(tree.get("questions"), Mapping):
        raise GuideError([f"{DATA_FILE}: expected `start:` and `questions:`, each question a mapping of answers"])
    raw = tree["questions"]
    names = [str(name) for name in raw]
    questions: dict[str, Question] = {}
    for name, answers in raw.items():
        where = f"{DATA_FILE}: questions.{name}"
        if not _NAME.fullmatch(str(name)):
            problems.append(f"{where}: expected a name of lower-case letters, digits and _")
        if not isinstance(answers, Mapping):
            problems.append(f"{where}: {answers!r}: expected a mapping of answer names to where each leads")
            continue
        if not MIN_ANSWERS <= len(answers) <= MAX_ANSWERS:
            problems.append(f"{where}: {len(answers)} answers: expected {MIN_ANSWERS} to {MAX_ANSWERS}")
        parsed = []
        for answer, target in answers.items():
            problems.extend(_target_problems(f"{where}.{answer}", str(target), names=names, pages=pages))
            parsed.append(Answer(str(answer), str(target), str(target) in names))
        questions[str(name)] = Question(str(name), tuple(parsed))
    start = str(tree.get("start", ""))
    if start not in questions:
        problems.append(f"{DATA_FILE}: start: {start!r}: expected one of the questions ({', '.join(names)})")
    else:
        problems.extend(_shape_problems(start, questions))
    guide = Guide(start, questions)
    for key in sorted(guide.string_keys() - strings):
        problems.append(f"data/strings/en.yml: {key}: missing: expected the words of this question or answer")
    ours = {key for key in strings if key.startswith(f"{SECTION}.") and key.count(".") == 2}
    for key in sorted(ours - guide.string_keys()):
        problems.append(f"data/strings/en.yml: {key}: no such question or answer in {DATA_FILE}")
    if problems:
        raise GuideError(problems)
    return guide


def _target_problems(where: str, target: str, *, names: list[str], pages: Mapping[str, str]) -> list[str]:
    if target in names:
        return []
    found = _PAGE.fullmatch(target)
    if not found:
        return [
            f"{where}: {target!r}: expected a question ({', '.join(names)}) or a page path such as threatened/stop.md"
        ]
    page, anchor = found["page"], found["anchor"]
    if page not in pages:
        return [f"{where}: {target!r}: no such page: expected a question ({', '.join(names)}) or a page below docs/en/"]
    if anchor and anchor not in _ANCHOR.findall(pages[page]):
        return [f"{where}: {target!r}: docs/en/{page} has no {{ #{anchor} }}: expected an anchor the page names"]
    return []


def _shape_problems(start: str, questions: Mapping[str, Question]) -> list[str]:
    """Loops and questions no reader can reach, walked from the first question."""
    problems: list[str] = []
    reached: set[str] = set()

    def walk(name: str, trail: tuple[str, ...]) -> None:
        if name in trail:
            loop = " -> ".join((*trail[trail.index(name) :], name))
            problems.append(f"{DATA_FILE}: a loop: {loop}: expected every path to end on a page")
            return
        reached.add(name)
        for answer in questions[name].answers:
            if answer.leads_to_question:
                walk(answer.target, (*trail, name))

    walk(start, ())
    problems = list(dict.fromkeys(problems))  # a loop met on two paths is one loop
    problems.extend(
        f"{DATA_FILE}: questions.{name}: no answer leads here: expected every question to be reachable from {start!r}"
        for name in questions
        if name not in reached
    )
    return problems
