"""Small channel tables for tests: rows written as the data file would hold them, then parsed."""

from __future__ import annotations

import csv
import io
import itertools
from datetime import date

from helpkit.directory.channels import ChannelTable, default_schema, parse_channels

_IDS = itertools.count(1)
DEFAULTS = {"audience": "all", "source": "https://example.org/", "confidence": "high"}


def table_of(*rows: dict[str, str]) -> ChannelTable:
    """The rows (cells by column; the rest empty, an id made up) parsed as a data file."""
    out = io.StringIO()
    writer = csv.DictWriter(out, default_schema().names, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        cells = DEFAULTS | row
        cells.setdefault("id", f"{cells['country'].lower()}-row-{next(_IDS)}")
        writer.writerow(cells)
    return parse_channels(out.getvalue().encode(), path="t.csv", today=date(2026, 1, 1))


def notes_of(table: ChannelTable, text: str = "A note.") -> dict[str, str]:
    """A note for every row, in one language."""
    return {ident: f"{text} ({ident})" for ident in table.ids}
