"""The directory's inputs read together: the channels CSV and every built language's notes.

The build, the print run and `helpkit check-data` read them the same way, so that none of them can
accept what another refuses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from helpkit.directory.channels import ChannelTable, load_channels, with_edition
from helpkit.directory.helpbox import helpbox_problem
from helpkit.directory.notes import NotesError, load_notes
from helpkit.problems import ProblemsError


@dataclass(frozen=True, kw_only=True)
class Directory:
    table: ChannelTable
    # Language -> row id -> the reader's note.
    notes: Mapping[str, Mapping[str, str]]
    # The ids of the edition's own rows (edition/reporting-channels.csv): corrections, additions.
    corrected: tuple[str, ...] = ()
    added: tuple[str, ...] = ()


def _table(csv: Path, today: date) -> ChannelTable:
    try:
        return load_channels(csv, today=today)
    except OSError as error:
        raise ProblemsError(
            str(csv),
            [
                f"{csv}: cannot read the reporting-channel data ({error.strerror or error}): expected a CSV file "
                "there (data/README.md describes it)"
            ],
        ) from None


def read_directory(
    *,
    csv: Path,
    notes: Path,
    languages: Iterable[str],
    today: date,
    country: str,
    edition_csv: Path | None = None,
    edition_notes: Path | None = None,
) -> Directory:
    """The checked channels and their notes, for an edition of ``country``, with the edition's own
    rows (`edition_csv`, if the file is there) and their notes (`edition_notes`); ProblemsError with
    every problem of the CSV files, or else of the edition's help box and of the notes together."""
    languages = list(languages)
    tables, failed = [], []
    for path in (csv, edition_csv):
        if path is None or (path == edition_csv and not path.is_file()):
            continue
        try:
            tables.append(_table(path, today))
        except ProblemsError as error:
            failed.append(error)
    if failed:
        # Both files' problems at once: the kit's own, after a merge, and the edition's.
        raise ProblemsError(
            failed[0].where if len(failed) == 1 else "the reporting-channel data",
            [problem for error in failed for problem in error.problems],
        )
    kit = tables[0]
    table = kit
    corrected: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    if len(tables) == 2:
        own = tables[1]
        table = with_edition(kit, own)
        corrected = tuple(ident for ident in own.ids if ident in kit.ids)
        added = tuple(ident for ident in own.ids if ident not in kit.ids)
    problems = []
    box = helpbox_problem(table, country)
    if box:
        problems.append(box)
    loaded: dict[str, dict[str, str]] = {}
    try:
        loaded = {
            language: dict(by_id)
            for language, by_id in load_notes(notes, section="channels", languages=languages, ids=kit.ids).items()
        }
    except NotesError as error:
        problems.extend(str(problem) for problem in error.problems)
    if edition_notes is not None and (corrected or added):
        try:
            own_notes = load_notes(
                edition_notes,
                section="channels",
                languages=languages,
                ids=added,
                optional=corrected,
                data_file=str(edition_csv),
                reference=False,
            )
            for language, by_id in own_notes.items():
                loaded.setdefault(language, {}).update(by_id)
        except NotesError as error:
            problems.extend(str(problem) for problem in error.problems)
    if problems:
        raise ProblemsError("the directory", problems)
    return Directory(table=table, notes=loaded, corrected=corrected, added=added)
