"""The directory's inputs read together: the channels CSV and every built language's notes.

The build, the print run and `helpkit check-data` read them the same way, so that none of them can
accept what another refuses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from helpkit.directory.channels import ChannelTable, load_channels
from helpkit.directory.helpbox import helpbox_problem
from helpkit.directory.notes import NotesError, load_notes
from helpkit.problems import ProblemsError


@dataclass(frozen=True, kw_only=True)
class Directory:
    table: ChannelTable
    # Language -> row id -> the reader's note.
    notes: Mapping[str, Mapping[str, str]]


def read_directory(*, csv: Path, notes: Path, languages: Iterable[str], today: date, country: str) -> Directory:
    """The checked channels and their notes, for an edition of ``country``; ProblemsError with every
    problem of the CSV, or else of the edition's help box and of the notes together."""
    try:
        table = load_channels(csv, today=today)
    except OSError as error:
        raise ProblemsError(
            str(csv),
            [
                f"{csv}: cannot read the reporting-channel data ({error.strerror or error}): expected a CSV file "
                "there (data/README.md describes it)"
            ],
        ) from None
    problems = []
    box = helpbox_problem(table, country)
    if box:
        problems.append(box)
    try:
        loaded = load_notes(notes, section="channels", languages=languages, ids=table.ids)
    except NotesError as error:
        problems.extend(str(problem) for problem in error.problems)
    if problems:
        raise ProblemsError("the directory", problems)
    return Directory(table=table, notes=loaded)
