"""Check the reporting-channel data and summarise what it covers.

Run as ``helpkit check-data`` (``make check-data`` does) in the project's folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from helpkit.datatable import TableError, TextFormat, text_format
from helpkit.directory.channels import (
    INTERNATIONAL,
    STALE_AFTER,
    ChannelDataError,
    ChannelTable,
    default_schema,
    kinds,
    parse_channels,
)
from helpkit.directory.helpbox import box_preview, plan_helpbox
from helpkit.directory.load import read_directory
from helpkit.directory.notes import NotesError, load_notes
from helpkit.edition.settings import edition_of
from helpkit.platforms import pages
from helpkit.problems import ProblemsError
from helpkit.project import ProjectError, add_config_file, read_project

_EPILOG = f"""\
On errors, every problem is printed to stderr, one a line, as
  PATH:ROW:COLUMN: 'VALUE': what was expected
where ROW counts as a spreadsheet does (the header is row 1); the exit status is 1.

Without PATH, the data is checked as the build reads it: with the edition's
own rows (edition/reporting-channels.csv) and their notes (edition/notes/),
the notes of every language the edition builds (data/notes/<lang>.yml), the
home country's help box, and data/platforms.csv with its notes: a row without
its note in a language is an error.

Otherwise it prints how the file was read (its encoding, and whether its
cells are separated by commas, semicolons or tabs); the rows per country and
kind; for each country, what its help box shows, line by line with opening
hours, and what it lacks; the rows to review (reader links that look like
articles, rows last verified over {STALE_AFTER.days} days ago); and the number of
rows never verified. The exit status is 0.
"""


def main(argv: list[str] | None = None, *, today: date | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="helpkit check-data",
        description="Check the reporting-channel CSV against its schema and summarise it.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        metavar="PATH",
        help="the CSV file to check (default: data/reporting-channels.csv beside mkdocs.yml)",
    )
    add_config_file(parser)
    arguments = parser.parse_args(argv)
    today = today or date.today()
    project = None
    if arguments.path is None:
        try:
            project = read_project(arguments.config_file)
        except ProjectError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    path = project.channels_csv if arguments.path is None and project else arguments.path
    shown = _shown(path)

    try:
        data = path.read_bytes()
    except OSError as error:
        # Said in words, not as a traceback; a folder (data/ for data/reporting-channels.csv) is the likely slip.
        reason = "it is a directory, not a CSV file" if path.is_dir() else error.strerror or str(error)
        print(f"{shown}: cannot read the file: {reason}", file=sys.stderr)
        return 1
    problems: list[str] = []
    table = platforms = None
    platforms_data = b""
    directory = None
    if project is None:
        try:
            table = parse_channels(data, path=shown, today=today)
        except ChannelDataError as error:
            problems.append(str(error))
    else:
        # The project's data as its build reads it: the edition's own rows and notes with the kit's,
        # for the edition's country and languages; and the platforms' help pages with their notes.
        try:
            edition = edition_of(project, environ=os.environ)
            directory = read_directory(
                csv=Path(shown),
                notes=Path(_shown(project.notes)),
                languages=edition.languages,
                today=today,
                country=edition.country,
                edition_csv=Path(_shown(project.edition_channels_csv)),
                edition_notes=Path(_shown(project.edition_notes)),
            )
            table = directory.table
        except ProblemsError as error:
            problems.append(str(error))
        platforms_csv = project.data / "platforms.csv"
        try:
            platforms_data = platforms_csv.read_bytes()
            platforms = pages.parse_platforms(platforms_data, path=_shown(platforms_csv), today=today)
            load_notes(project.notes, section="platforms", languages=project.languages, ids=platforms.ids)
        except (TableError, NotesError) as error:
            problems.append(str(error))
        except OSError as error:
            problems.append(f"{_shown(platforms_csv)}: cannot read the file: {error.strerror or error}")
    if problems or table is None:
        print("\n".join(problems), file=sys.stderr)
        return 1
    write_summary(table, shown, sys.stdout, read_as=text_format(data, default_schema()))
    if directory is not None and project is not None and (directory.corrected or directory.added):
        own = project.edition_channels_csv
        print(
            f"\n{_shown(own)}: {len(directory.corrected) + len(directory.added)} rows, no errors: "
            f"{len(directory.corrected)} correct the kit's ({', '.join(directory.corrected) or 'none'}), "
            f"{len(directory.added)} added ({', '.join(directory.added) or 'none'}); the summary above includes them",
            file=sys.stdout,
        )
        _print_read_as(text_format(own.read_bytes(), default_schema()), sys.stdout)
    if platforms is not None and project is not None:
        print(f"\n{_shown(project.data / 'platforms.csv')}: {len(platforms.pages)} rows, no errors", file=sys.stdout)
        _print_read_as(text_format(platforms_data, pages.default_schema()), sys.stdout)
    return 0


def write_summary(table: ChannelTable, shown: str, out: TextIO, *, read_as: TextFormat | None = None) -> None:
    """What the data covers, and what needs an editor's attention."""
    channels = table.channels
    countries = table.countries()
    has_international = any(channel.country == INTERNATIONAL for channel in channels)
    codes = [*countries, INTERNATIONAL] if has_international else list(countries)
    print(
        f"{shown}: {len(channels)} rows, {len(countries)} countries"
        + (" and INT" if has_international else "")
        + ", no errors",
        file=out,
    )
    _print_read_as(read_as, out)
    print(file=out)
    for line in _coverage_table(table, codes):
        print(line, file=out)

    print(file=out)
    if not countries:
        # A list of boxes would be empty: say what the file holds instead.
        print("No country has a row yet, only the international services.", file=out)
    for code in countries:
        box = plan_helpbox(table, code)
        print(f"Help box for {code}{'' if box.gaps else ' (complete)'}:", file=out)
        for line in box_preview(box):
            print(f"  {line}", file=out)

    print(file=out)
    if table.warnings:
        print(f"To review ({len(table.warnings)}):", file=out)
        for warning in table.warnings:
            print(f"  {warning}", file=out)
    else:
        print(
            f"To review: none (no reader link looks like an article; none verified over {STALE_AFTER.days} days ago).",
            file=out,
        )

    print(file=out)
    print(
        f"Never verified: {len(table.unverified)} of {len(channels)} rows. Check a row against "
        "its source, then set verified to that day (YYYY-MM-DD).",
        file=out,
    )


def _print_read_as(read_as: TextFormat | None, out: TextIO) -> None:
    # Said every time, not only for a semicolon or a BOM: an editor who saved from a spreadsheet sees
    # that the file was understood as saved, and the next save's setting is one line away.
    if read_as is not None:
        print(f"Read as {read_as}.", file=out)


def _coverage_table(table: ChannelTable, codes: Sequence[str]) -> list[str]:
    counts = Counter((channel.country, channel.kind) for channel in table.channels)
    headings = ["country", *kinds(), "total"]
    widths = [len(heading) for heading in headings]
    lines = ["  ".join([headings[0], *(heading.rjust(len(heading)) for heading in headings[1:])])]
    for code in codes:
        per_kind = [counts[(code, kind)] for kind in kinds()]
        cells = [code, *(str(count) if count else "-" for count in per_kind), str(sum(per_kind))]
        lines.append(
            "  ".join(
                cell.ljust(width) if index == 0 else cell.rjust(width)
                for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
            )
        )
    return lines


def _shown(path: Path) -> str:
    # Messages name the file as the editor would type it: relative to where they stand.
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
