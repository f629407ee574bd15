"""Interface strings per language, from `data/strings/<lang>.yml`.

English is the reference: every other language must have exactly its keys, so that no reader
meets an English label in the middle of a page in their language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from helpkit.plaintext import text_problem
from helpkit.problems import ProblemsError
from helpkit.yamltext import load_yaml

REFERENCE_LANGUAGE = "en"
# Keys whose text the theme prints into pages as it is (the titles and descriptions of the generated
# pages, the directory, "Report it on the app" and the guided path's questions, become their front
# matter); the others reach HTML only through our escaping renderers.
PRINTED_BY_THEME = frozenset(
    {"directory.title", "directory.description", "platforms.title", "platforms.description", "guide.description"}
)


def printed_by_theme(key: str) -> bool:
    return key in PRINTED_BY_THEME or (key.startswith("guide.") and key.endswith(".question"))


class StringsError(ProblemsError):
    """Every problem found in the strings files, one per line."""

    def __init__(self, problems: Iterable[str]) -> None:
        super().__init__("the interface strings", problems)


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


def read_yaml_texts(path: Path, problems: list[str]) -> dict[str, Any]:
    """A YAML file of texts, flattened to `section.key`; what is wrong with it goes to `problems`."""
    try:
        tree = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{path}: missing: expected a strings file for this language")
        return {}
    except UnicodeDecodeError as error:
        problems.append(f"{path}: byte {error.start}: not UTF-8 ({error.reason}): expected a file saved as UTF-8")
        return {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        reason = getattr(error, "problem", None) or str(error).replace("\n", " ")
        problems.append(
            f"{path}{where}: not valid YAML ({reason}): expected `key: text` lines as in {REFERENCE_LANGUAGE}.yml"
        )
        return {}
    if not isinstance(tree, Mapping):
        problems.append(f"{path}: expected a mapping of keys to texts")
        return {}
    return _flatten(tree)


# A text's placeholders, filled in by the build: {country}, {word}.
_PLACEHOLDER = re.compile(r"\{([a-z_]*)\}")


def _placeholder_problem(text: str, reference: str) -> str | None:
    """Why the text's {placeholders} are not the English text's, or None: the build fills in exactly those."""
    wanted, found = sorted(_PLACEHOLDER.findall(reference)), sorted(_PLACEHOLDER.findall(text))
    stray = text.count("{") + text.count("}") - 2 * len(found)
    if wanted == found and not stray:
        return None
    names = ", ".join(f"{{{name}}}" for name in wanted) or "none"
    return f"expected the placeholders of {REFERENCE_LANGUAGE}.yml ({names}), each once, and no other braces"


def load_strings(folder: Path, languages: Iterable[str], *, overrides: Path | None = None) -> dict[str, Strings]:
    """The strings of each language, checked against English; raises StringsError listing all.

    `overrides` (an edition's `edition/strings/`) may hold `<lang>.yml` files with some of the keys
    in the edition's own words; each is checked like the kit's texts, and a key the kit does not
    have is an error naming the file.
    """
    problems: list[str] = []
    reference = read_yaml_texts(folder / f"{REFERENCE_LANGUAGE}.yml", problems)
    if problems:
        # Every key of every other file would look unknown: the reference's own problem is the one.
        raise StringsError(problems)
    loaded: dict[str, Strings] = {}
    for language in dict.fromkeys([REFERENCE_LANGUAGE, *languages]):
        path = folder / f"{language}.yml"
        table = reference if language == REFERENCE_LANGUAGE else read_yaml_texts(path, problems)
        if not table and language != REFERENCE_LANGUAGE:
            continue
        for key in reference.keys() - table.keys():
            problems.append(f"{path}: {key}: missing: expected the text of {reference[key]!r}")
        for key in table.keys() - reference.keys():
            problems.append(f"{path}: {key}: unknown key: expected one of the keys of {REFERENCE_LANGUAGE}.yml")
        origin = dict.fromkeys(table, path)
        local = overrides / f"{language}.yml" if overrides is not None else None
        if local is not None and local.is_file():
            own = read_yaml_texts(local, problems)
            for key in own.keys() - reference.keys():
                problems.append(f"{local}: {key}: unknown key: expected one of the keys of {folder / path.name}")
            own = {key: text for key, text in own.items() if key in reference}
            table = {**table, **own}
            origin.update(dict.fromkeys(own, local))
        for key, text in table.items():
            where = origin[key]
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where}: {key}: {text!r}: expected a non-empty text")
            elif wrong := text_problem(text, printed_by_theme=printed_by_theme(key)):
                problems.append(f"{where}: {key}: {text!r}: {wrong}")
            elif key in reference and (wrong := _placeholder_problem(text, str(reference[key]))):
                problems.append(f"{where}: {key}: {text!r}: {wrong}")
        loaded[language] = Strings(language, {key: str(text) for key, text in table.items()})
    if problems:
        raise StringsError(sorted(problems))
    return loaded
