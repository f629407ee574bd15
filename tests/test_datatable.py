"""The data files as spreadsheets save them: re-written from the real files in the encodings,
delimiters and line ends of Excel and LibreOffice, and read back row for row, or refused with the
setting to change."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from conftest import ROOT
from helpkit import datatable
from helpkit.datatable import Limits, Schema, text_format
from helpkit.directory import channels
from helpkit.platforms import pages


@dataclass(frozen=True)
class Table:
    """One of the project's data files, with what reads it."""

    file: str
    schema: Callable[[], Schema]
    limits: Limits


CHANNELS = Table("reporting-channels.csv", channels.default_schema, channels.LIMITS)
PLATFORMS = Table("platforms.csv", pages.default_schema, pages.LIMITS)
PATH = "data/x.csv"


@dataclass(frozen=True)
class SavedAs:
    """How a program writes a CSV file: its bytes' encoding (a BOM included), delimiter and line end."""

    program: str
    codec: str
    delimiter: str
    line_end: str
    said: str  # how the checker says the file was read


SAVED_AS = [
    # The one every locale whose list separator is ';' gets (Belgium, France, Germany, Poland,
    # the Netherlands, Italy...): "CSV UTF-8 (Comma delimited)" is UTF-8 with a BOM and semicolons.
    SavedAs("Excel, CSV UTF-8, ';' locale", "utf-8-sig", ";", "\r\n", "UTF-8 with BOM, separated by ';'"),
    SavedAs("Excel, CSV UTF-8, ',' locale", "utf-8-sig", ",", "\r\n", "UTF-8 with BOM, separated by ','"),
    # "Unicode Text": UTF-16 little-endian with its BOM, tabs, Windows line ends.
    SavedAs("Excel, Unicode Text", "utf-16-le-bom", "\t", "\r\n", "UTF-16 LE with BOM, separated by tabs"),
    SavedAs("LibreOffice, Text CSV, ';'", "utf-8", ";", "\n", "UTF-8, separated by ';'"),
    SavedAs("LibreOffice, Text CSV, tab", "utf-8", "\t", "\n", "UTF-8, separated by tabs"),
    SavedAs("UTF-16 big-endian", "utf-16-be-bom", ",", "\n", "UTF-16 BE with BOM, separated by ','"),
]


def encode(text: str, codec: str) -> bytes:
    # Spelt out: Python's "utf-16" writes the machine's byte order, and the test must say which.
    if codec == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if codec == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(codec)


def cells_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def csv_text(rows: list[list[str]], delimiter: str = ",", line_end: str = "\n") -> str:
    out = io.StringIO()
    # QUOTE_MINIMAL, as both programs write: a cell is quoted when it holds the delimiter, a quote or a line end.
    csv.writer(out, delimiter=delimiter, lineterminator=line_end).writerows(rows)
    return out.getvalue()


def saved(text: str, how: SavedAs) -> bytes:
    return encode(csv_text(cells_of(text), how.delimiter, how.line_end), how.codec)


def real(table: Table) -> str:
    return (ROOT / "data" / table.file).read_text(encoding="utf-8")


def read(data: bytes, table: Table) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """The rows read (each as its row number and values) and the problems reported."""
    problems: list[str] = []

    def report(row: int, column: str, value: str, expected: str) -> None:
        problems.append(str(datatable.Problem(path=PATH, row=row, column=column, value=value, expected=expected)))

    rows = datatable.read_rows(data, path=PATH, schema=table.schema(), limits=table.limits, report=report)
    return [(row.row, dict(row.values)) for row in rows], problems


def problems_of(data: bytes, table: Table = CHANNELS) -> list[str]:
    rows, problems = read(data, table)
    assert rows == []
    return problems


# Read as saved


@pytest.mark.parametrize("table", [CHANNELS, PLATFORMS], ids=lambda table: table.file)
@pytest.mark.parametrize("how", SAVED_AS, ids=lambda how: how.program)
def test_a_real_file_saved_by_a_spreadsheet_reads_row_for_row_as_the_original(table: Table, how: SavedAs) -> None:
    original = real(table).encode("utf-8")
    data = saved(real(table), how)
    assert read(data, table) == read(original, table)
    assert read(data, table)[1] == []
    assert str(text_format(data, table.schema())) == how.said


# A BOM with commas was read before issue 19 already (test_channels.py has its test).
@pytest.mark.parametrize(
    "how", [how for how in SAVED_AS if (how.codec, how.delimiter) != ("utf-8-sig", ",")], ids=lambda how: how.program
)
def test_the_real_channels_saved_by_a_spreadsheet_are_the_same_channels(how: SavedAs) -> None:
    # Through the whole parser: every check of every cell, and the warnings, come out the same.
    today = date.today()
    original = channels.parse_channels(real(CHANNELS).encode("utf-8"), path=PATH, today=today)
    assert channels.parse_channels(saved(real(CHANNELS), how), path=PATH, today=today) == original


def test_the_real_files_are_read_as_utf8_with_commas() -> None:
    for table in (CHANNELS, PLATFORMS):
        found = text_format((ROOT / "data" / table.file).read_bytes(), table.schema())
        assert found == datatable.TextFormat(encoding="UTF-8", delimiter=",")


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_quoted_cell_may_hold_the_delimiter_a_quote_and_a_line_end(delimiter: str) -> None:
    rows = cells_of(real(CHANNELS))[:2]
    remarks = rows[0].index("remarks")
    rows[1][remarks] = 'Call; then\twrite, or "chat".\nAlso at night.'
    found, problems = read(encode(csv_text(rows, delimiter), "utf-8"), CHANNELS)
    assert problems == []
    assert [values["remarks"] for _, values in found] == ['Call; then\twrite, or "chat".\nAlso at night.']


# Read with the delimiter, named with it


def test_a_misspelt_column_in_a_semicolon_file_is_named_not_the_delimiter() -> None:
    rows = cells_of(real(CHANNELS))[:2]
    rows[0][rows[0].index("phone")] = "telephone"
    wanted = f"the header must be: {','.join(CHANNELS.schema().names)}"
    assert problems_of(encode(csv_text(rows, ";"), "utf-8-sig")) == [
        f"{PATH}:1:telephone: 'telephone': unknown column; {wanted}",
        f"{PATH}:1:phone: '': missing column; {wanted}",
    ]


@pytest.mark.parametrize(("delimiter", "named"), [(";", ";"), ("\t", "a tab")])
def test_text_after_a_closing_quote_names_the_files_delimiter(delimiter: str, named: str) -> None:
    header, row = cells_of(real(CHANNELS))[:2]
    name = header.index("name")
    text = csv_text([header, row], delimiter).replace(delimiter + row[name], f'{delimiter}"{row[name]}" x', 1)
    found = problems_of(text.encode("utf-8"))
    assert len(found) == 1
    assert found[0].startswith(f"{PATH}:2:name: ")
    assert found[0].endswith(
        f'expected {named} or the end of the row after the closing " of a quoted cell; write a " in a cell as ""'
    )


def test_a_ragged_row_in_a_semicolon_file_is_shown_as_written() -> None:
    header = cells_of(real(CHANNELS))[0]
    assert problems_of(encode(csv_text([header, ["be-x", "BE", "helpline"]], ";"), "utf-8-sig")) == [
        f"{PATH}:2:-: 'be-x;BE;helpline': expected {len(header)} fields, found 3",
    ]


# Refused, with the setting to change

SAVE_AS_UTF8 = (
    "save the file again in UTF-8: in Excel, File → Save As → CSV UTF-8 (Comma delimited) (*.csv); "
    "in LibreOffice Calc, File → Save As → Text CSV (.csv) with Edit filter settings ticked → "
    "Character set: Unicode (UTF-8)"
)
NOT_UTF8 = (
    'expected UTF-8, which this byte is not (Excel\'s "CSV (Comma delimited)" saves in the Windows code page, '
    f"not in UTF-8); {SAVE_AS_UTF8}"
)


def shown_before(text: str) -> str:
    """What a refusal shows of its line before the byte: the end of it."""
    return text if len(text) <= 30 else "…" + text[-29:]


def test_the_real_file_in_the_windows_code_page_is_refused_at_its_first_accent() -> None:
    # Excel's plain "CSV (Comma delimited)", in a ';' locale: the Windows code page, where é is one
    # byte that UTF-8 never has alone. (What the code page cannot hold, Excel writes as "?".)
    rows = cells_of(real(CHANNELS))
    data = csv_text(rows, ";", "\r\n").encode("cp1252", errors="replace")
    offset = next(index for index, byte in enumerate(data) if byte > 0x7F)
    before = data[:offset].decode("ascii")
    # One line a row (no cell of the real file holds a line end): the byte's row is its line.
    assert not any("\n" in cell for cells in rows for cell in cells)
    line, shown = before.count("\n") + 1, shown_before(before.split("\n")[-1])
    value = f"byte 0x{data[offset]:02X} at offset {offset}, on line {line}, after {shown!r}"
    assert problems_of(data) == [f"{PATH}:{line}:-: {value!r}: {NOT_UTF8}"]


def test_a_refused_byte_names_its_row_and_its_line_when_they_differ() -> None:
    rows = cells_of(real(CHANNELS))[:3]
    remarks, name = rows[0].index("remarks"), rows[0].index("name")
    rows[1][remarks] = "First line\nsecond line"
    rows[2][name] = "Fil Santé Jeunes"
    data = csv_text(rows, ";").encode("cp1252")
    offset = data.index("é".encode("cp1252"))
    before = data[data.rindex(b"\n", 0, offset) + 1 : offset].decode("ascii")
    value = f"byte 0xE9 at offset {offset}, on line 4, after {shown_before(before)!r}"
    assert problems_of(data) == [f"{PATH}:3:-: {value!r}: {NOT_UTF8}"]


def test_utf16_cut_short_is_refused_with_the_setting_to_change() -> None:
    # The last line end loses its second byte: the refusal stands on the line after the last row.
    data = saved(real(PLATFORMS), SAVED_AS[2])[:-1]
    after = len(cells_of(real(PLATFORMS))) + 1
    assert problems_of(data, PLATFORMS) == [
        (
            f"{PATH}:{after}:-: 'byte 0x0A at offset {len(data) - 1}, on line {after}': "
            "expected UTF-16 LE with BOM throughout, as the file's byte order mark says (truncated data); "
            + SAVE_AS_UTF8
        ),
    ]


def test_a_header_no_delimiter_splits_says_what_was_tried_and_what_it_must_be() -> None:
    header = "|".join(CHANNELS.schema().names)
    assert problems_of(f"{header}\nbe-x|BE\n".encode()) == [
        (
            f"{PATH}:1:-: {header!r}: expected the column names as a header, separated by commas (or by semicolons "
            "or tabs, as spreadsheets also save them); none of , ; or a tab splits this line into any of them; "
            f"the header must be: {','.join(CHANNELS.schema().names)}"
        ),
    ]


def test_utf16_without_its_byte_order_mark_is_named_as_such() -> None:
    header = real(PLATFORMS).splitlines()[0]
    found = problems_of(f"{header}\r\n".encode("utf-16-le"), PLATFORMS)
    assert found == [
        (
            f"{PATH}:1:-: {datatable.clip(header.encode('utf-16-le').decode(), 300)!r}: expected the column names "
            "as a header, separated by commas (or by semicolons or tabs, as spreadsheets also save them); none of "
            ", ; or a tab splits this line into any of them; its NUL characters suggest UTF-16 without a byte order "
            f"mark: {SAVE_AS_UTF8}; the header must be: {header}"
        ),
    ]


@pytest.mark.parametrize("how", SAVED_AS, ids=lambda how: how.program)
def test_the_published_copy_is_utf8_with_commas_whatever_was_saved(how: SavedAs) -> None:
    # The site's data/reporting-channels.csv: its data package says UTF-8 and commas.
    published = datatable.as_published(saved(real(CHANNELS), how), CHANNELS.schema())
    assert text_format(published, CHANNELS.schema()) == datatable.TextFormat(encoding="UTF-8", delimiter=",")
    assert cells_of(published.decode("utf-8")) == cells_of(real(CHANNELS))


def test_a_file_already_utf8_with_commas_is_published_byte_for_byte() -> None:
    original = (ROOT / "data" / CHANNELS.file).read_bytes()
    assert datatable.as_published(original, CHANNELS.schema()) is original
