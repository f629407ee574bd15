"""The platforms' help pages: data/platforms.csv read, checked and typed.

The columns, their order and the allowed values come from the Table Schema beside this module
(platform-help.schema.json). The file is read by helpkit.datatable, strictly and with every problem
collected, because whoever edits it in a spreadsheet should fix the whole file in one pass.

What a reader sees of a row, besides its link, is a note in their own language: notes live in
data/notes/<lang>.yml under `platforms:`, keyed by the row's id, and are read by
helpkit.directory.notes like the channels' notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from helpkit.datatable import (
    Limits,
    Problem,
    Row,
    Schema,
    SchemaField,
    TableError,
    check_date,
    check_https,
    check_pattern,
    check_source,
    check_text,
    clip,
    load_schema,
    read_rows,
)

# The columns' contract, shipped with the parser that enforces it.
SCHEMA = resources.files(__package__) / "platform-help.schema.json"
# Where the build reads the file, as messages name it.
DATA_FILE = "data/platforms.csv"

# The real file is some 20 rows of well under 1 KB each. Beyond these limits something was pasted
# or exported wrongly, and is named rather than published. Remarks may run to a few sentences;
# every other cell is a word, a slug or an address.
LIMITS = Limits(
    max_bytes=500_000,
    max_rows=1000,
    max_cell_characters={"id": 60, "url": 500, "source": 500, "remarks": 600},
    default_max_cell_characters=100,
)


@dataclass(frozen=True, kw_only=True)
class PlatformPage:
    """One row: one page of a platform's own site, and the one thing it lets a reader do."""

    row: int
    id: str
    platform: str
    purpose: str
    url: str
    source: str
    verified: date | None
    remarks: str


# The schema must describe exactly the columns a PlatformPage holds.
_COLUMNS = frozenset(item.name for item in fields(PlatformPage)) - {"row"}


@dataclass(frozen=True, kw_only=True)
class PlatformTable:
    """Every row of the file, in file order."""

    pages: tuple[PlatformPage, ...]

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(page.id for page in self.pages)

    def by_platform(self) -> tuple[tuple[str, tuple[PlatformPage, ...]], ...]:
        """The platforms that have rows, in platforms() order, each with its rows in purposes() order
        and then in file order: the page reads the same however the file is sorted."""
        order = purposes()
        grouped = []
        for platform in platforms():
            found = [page for page in self.pages if page.platform == platform]
            if found:
                found.sort(key=lambda page: (order.index(page.purpose), page.row))
                grouped.append((platform, tuple(found)))
        return tuple(grouped)


@cache
def default_schema() -> Schema:
    """The shipped schema, read once, when first needed."""
    return load_schema(SCHEMA, columns=_COLUMNS)


def platforms() -> tuple[str, ...]:
    """The platforms, in the order the page shows them (the schema's enum order)."""
    return default_schema().field("platform").enum


def purposes() -> tuple[str, ...]:
    """The purposes, in the order a platform's links are shown (the schema's enum order)."""
    return default_schema().field("purpose").enum


def load_platforms(path: Path, *, today: date, name: str | None = None) -> PlatformTable:
    """Read and check the file; TableError lists every problem, naming the file as ``name``."""
    return parse_platforms(path.read_bytes(), path=name or str(path), today=today)


def parse_platforms(data: bytes, *, path: str, today: date, schema: Schema | None = None) -> PlatformTable:
    """Check the bytes of a platforms file and return its rows.

    ``path`` only names the file in messages; ``today`` decides which dates lie in the future.
    Raises TableError with every problem found.
    """
    schema = schema or default_schema()
    problems: list[Problem] = []

    def report(row: int, column: str, value: str, expected: str) -> None:
        problems.append(Problem(path=path, row=row, column=column, value=value, expected=expected))

    rows = read_rows(data, path=path, schema=schema, limits=LIMITS, report=report)
    pages: list[PlatformPage] = []
    first_seen: dict[str, int] = {}
    for row in rows:
        before = len(problems)
        for column in schema.fields:
            value = row.values[column.name]
            expected = _check_cell(column, value, today)
            if expected is not None:
                # A cell over its limit is shown by its start: the whole of it would bury the rest.
                shown = value if len(value) <= LIMITS.cell(column.name) else clip(value)
                report(row.row, column.name, shown, expected)
        ident = row.values["id"]
        if ident in first_seen:
            # The notes are keyed by id: two rows with one id would share a note, and one of
            # them would say the wrong thing.
            report(row.row, "id", ident, f"expected a unique id; row {first_seen[ident]} has the same id")
        elif ident:
            first_seen[ident] = row.row
        if len(problems) == before:
            pages.append(_page(row))
    if problems:
        raise TableError(path, problems)
    return PlatformTable(pages=tuple(pages))


def _check_cell(column: SchemaField, value: str, today: date) -> str | None:
    """What the cell should have been, or None if it is fine."""
    problem = check_text(column, value, LIMITS)
    if problem is not None or not value:
        return problem
    if column.name == "id":
        return _check_id(column, value)
    if column.name == "url":
        # Only https: the link opens on a teenager's phone, often on a public network.
        return check_https(value)
    if column.name == "source":
        return check_source(value)
    if column.type == "date":
        return check_date(value, today)
    return check_pattern(column, value)


def _check_id(column: SchemaField, value: str) -> str | None:
    if column.pattern is None or re.fullmatch(column.pattern, value):
        return None
    # In words: the pattern alone does not say what to type instead.
    return "expected an id of lower-case letters and digits, words joined by single hyphens, e.g. instagram-threats"


def _page(row: Row) -> PlatformPage:
    values = row.values
    verified = values["verified"]
    return PlatformPage(
        row=row.row,
        id=values["id"],
        platform=values["platform"],
        purpose=values["purpose"],
        url=values["url"],
        source=values["source"],
        verified=date.fromisoformat(verified) if verified else None,
        remarks=values["remarks"],
    )
