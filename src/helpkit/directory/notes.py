"""The reader-facing note of every channel, in every language, from `data/notes/<lang>.yml`.

Notes are text for readers, so they are translated like the interface strings, keyed by the row's
id in a file a translator edits without opening the CSV. A built language that lacks a row's note
stops the build, naming the row and the language: a French page must not fall back to English.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from helpkit.i18n.strings import REFERENCE_LANGUAGE, read_yaml_texts
from helpkit.plaintext import text_problem
from helpkit.problems import ProblemsError

SECTION = "channels"


class NotesError(ProblemsError):
    def __init__(self, problems: Iterable[str]) -> None:
        super().__init__("the channel notes", problems)


def load_notes(folder: Path, *, languages: Iterable[str], ids: Iterable[str]) -> dict[str, Mapping[str, str]]:
    """Each language's note per row id; NotesError lists every note missing, unknown or unfit."""
    wanted = list(dict.fromkeys(ids))
    problems: list[str] = []
    loaded: dict[str, Mapping[str, str]] = {}
    for language in dict.fromkeys([REFERENCE_LANGUAGE, *languages]):
        path = folder / f"{language}.yml"
        if not path.is_file():
            # One line, not one per row: the whole translation is missing.
            problems.append(
                f"{path}: missing: expected the {language} notes of the {len(wanted)} rows of "
                f"data/reporting-channels.csv (translate {REFERENCE_LANGUAGE}.yml beside it)"
            )
            continue
        table = read_yaml_texts(path, problems)
        prefix = SECTION + "."
        notes = {key[len(prefix) :]: text for key, text in table.items() if key.startswith(prefix)}
        for key in table.keys() - {prefix + ident for ident in notes}:
            problems.append(f"{path}: {key}: unknown key: expected {SECTION}: and the rows' ids below it")
        for ident in wanted:
            if ident not in notes:
                problems.append(
                    f"{path}: {SECTION}.{ident}: missing: expected the {language} note of row id {ident!r} "
                    "of data/reporting-channels.csv"
                )
        for ident in notes.keys() - set(wanted):
            problems.append(f"{path}: {SECTION}.{ident}: unknown id: no row of data/reporting-channels.csv has it")
        for ident, text in notes.items():
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{path}: {SECTION}.{ident}: {text!r}: expected a non-empty text")
            elif wrong := text_problem(text, printed_by_theme=False):
                problems.append(f"{path}: {SECTION}.{ident}: {text!r}: {wrong}")
        loaded[language] = {ident: str(text).strip() for ident, text in notes.items()}
    if problems:
        raise NotesError(problems)
    return loaded
