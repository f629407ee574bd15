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
from helpkit.directory.notes import load_notes
from helpkit.problems import ProblemsError


@dataclass(frozen=True, kw_only=True)
class Directory:
    table: ChannelTable
    # Language -> row id -> the reader's note.
    notes: Mapping[str, Mapping[str, str]]


def read_directory(*, csv: Path, notes: Path, languages: Iterable[str], today: date) -> Directory:
    """The checked channels and their notes; ProblemsError (of the CSV, else of the notes) if either is wrong."""
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
    return Directory(table=table, notes=load_notes(notes, section="channels", languages=languages, ids=table.ids))
