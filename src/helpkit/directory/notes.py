"""What readers are told of each row of the data files, in every language, from `data/notes/<lang>.yml`.

Notes are text for readers, so they are translated like the interface strings, keyed by the row's
id in a file a translator edits without opening a CSV: one section per data file (`channels:` for
data/reporting-channels.csv, `platforms:` for data/platforms.csv). A built language that lacks a
row's note stops the build, naming the row and the language: a French page must not fall back to
English.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from helpkit.i18n.strings import REFERENCE_LANGUAGE, read_yaml_texts
from helpkit.plaintext import text_problem
from helpkit.problems import ProblemsError

# Each section of a notes file, and the data file whose rows it speaks of.
SECTIONS: Mapping[str, str] = {"channels": "data/reporting-channels.csv", "platforms": "data/platforms.csv"}


class NotesError(ProblemsError):
    def __init__(self, problems: Iterable[str]) -> None:
        super().__init__("the notes", problems)


def load_notes(
    folder: Path,
    *,
    section: str,
    languages: Iterable[str],
    ids: Iterable[str],
    optional: Iterable[str] = (),
    data_file: str | None = None,
    reference: bool = True,
) -> dict[str, Mapping[str, str]]:
    """Each language's note per row id in one section; NotesError lists every note missing, unknown
    or unfit, and every key that belongs to no section.

    An edition's notes (edition/notes/) need only its built languages (`reference=False`), a note for
    each row it adds (`ids`), and may give one for a kit row it corrects (`optional`)."""
    data_file = data_file or SECTIONS[section]
    wanted = list(dict.fromkeys(ids))
    known = {*wanted, *optional}
    problems: list[str] = []
    loaded: dict[str, Mapping[str, str]] = {}
    for language in dict.fromkeys([REFERENCE_LANGUAGE, *languages] if reference else languages):
        path = folder / f"{language}.yml"
        if not path.is_file():
            if reference:
                # One line, not one per row: the whole translation is missing.
                problems.append(
                    f"{path}: missing: expected the {language} notes of the rows of {', '.join(SECTIONS.values())} "
                    f"(translate {REFERENCE_LANGUAGE}.yml beside it)"
                )
            elif wanted:
                problems.append(
                    f"{path}: missing: expected the {language} notes of the rows {data_file} adds "
                    f"({', '.join(wanted)}), under `{section}:`"
                )
            loaded[language] = {}
            continue
        table = read_yaml_texts(path, problems)
        prefix = section + "."
        notes = {key[len(prefix) :]: text for key, text in table.items() if key.startswith(prefix)}
        for key in sorted(table):
            if key.partition(".")[0] not in SECTIONS or "." not in key:
                problems.append(f"{path}: {key}: unknown key: expected {' or '.join(SECTIONS)} and row ids below it")
        for ident in wanted:
            if ident not in notes:
                problems.append(
                    f"{path}: {section}.{ident}: missing: expected the {language} note of row id {ident!r} "
                    f"of {data_file}"
                )
        for ident in sorted(notes.keys() - known):
            problems.append(f"{path}: {section}.{ident}: unknown id: no row of {data_file} has it")
        for ident, text in notes.items():
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{path}: {section}.{ident}: {text!r}: expected a non-empty text")
            elif wrong := text_problem(text, printed_by_theme=False):
                problems.append(f"{path}: {section}.{ident}: {text!r}: {wrong}")
        loaded[language] = {ident: str(text).strip() for ident, text in notes.items()}
    if problems:
        raise NotesError(problems)
    return loaded
