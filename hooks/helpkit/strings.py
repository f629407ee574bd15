"""Interface strings per language, from `data/strings/<lang>.yml`.

English is the reference: every other language must have exactly its keys, so that no reader
meets an English label in the middle of a page in their language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REFERENCE_LANGUAGE = "en"


class StringsError(ValueError):
    """Every problem found in the strings files, one per line."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the interface strings:\n" + "\n".join(self.problems))


@dataclass(frozen=True)
class Strings:
    """The flat `section.key -> text` table of one language."""

    language: str
    table: Mapping[str, str]

    def __getitem__(self, key: str) -> str:
        return self.table[key]

    def section(self, prefix: str) -> dict[str, str]:
        """The keys under `prefix.` without the prefix: `kinds` -> {'police': 'Police', ...}."""
        start = prefix + "."
        return {key[len(start) :]: text for key, text in self.table.items() if key.startswith(start)}


def _flatten(tree: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def _read(path: Path, problems: list[str]) -> dict[str, Any]:
    try:
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{path}: missing: expected a strings file for this language")
        return {}
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        problems.append(f"{path}: {error}".replace("\n", " "))
        return {}
    if not isinstance(tree, Mapping):
        problems.append(f"{path}: expected a mapping of keys to texts")
        return {}
    return _flatten(tree)


def load_strings(folder: Path, languages: Iterable[str]) -> dict[str, Strings]:
    """The strings of each language, checked against English; raises StringsError listing all."""
    problems: list[str] = []
    reference = _read(folder / f"{REFERENCE_LANGUAGE}.yml", problems)
    loaded: dict[str, Strings] = {}
    for language in dict.fromkeys([REFERENCE_LANGUAGE, *languages]):
        path = folder / f"{language}.yml"
        table = reference if language == REFERENCE_LANGUAGE else _read(path, problems)
        if not table and language != REFERENCE_LANGUAGE:
            continue
        for key in reference.keys() - table.keys():
            problems.append(f"{path}: {key}: missing: expected the text of {reference[key]!r}")
        for key in table.keys() - reference.keys():
            problems.append(f"{path}: {key}: unknown key: expected one of the keys of {REFERENCE_LANGUAGE}.yml")
        for key, text in table.items():
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{path}: {key}: {text!r}: expected a non-empty text")
        loaded[language] = Strings(language, {key: str(text) for key, text in table.items()})
    if problems:
        raise StringsError(sorted(problems))
    return loaded
