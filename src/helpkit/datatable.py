"""A CSV data file read strictly against its Table Schema, with every problem collected.

The project's data files (reporting channels, platform help pages) are edited in spreadsheets by
people who should be able to fix a whole file in one pass. So a file is read here, not by
csv.reader: a quote left open or an oversized cell is named by its row, and every other row is
still read and checked. What the columns mean is the business of each table's own module; this one
knows what all of them share: the schema, the records, the header, and the checks every cell needs.

A file is taken as spreadsheets save it: UTF-8 with or without a byte order mark, or UTF-16 with one
(Excel's "Unicode Text"); its cells separated by commas, or by semicolons (Excel's CSV in the many
locales whose list separator is ';') or tabs ("Unicode Text"). The header says which: it must be the
schema's columns, so the delimiter is the one that splits it into them. Bytes in any other encoding
are refused, with the setting that saves the file in UTF-8.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from importlib.resources.abc import Traversable
from pathlib import Path

from helpkit.plaintext import hidden_character
from helpkit.problems import ProblemsError
from helpkit.webaddress import web_address_problem

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@")
FORMULA = "expected text that does not start with =, +, - or @ (a spreadsheet would run it as a formula)"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# The delimiters spreadsheets save with, tried on the header in this order: a tie (a header of one
# known column, which no delimiter splits) goes to the comma, the one the project's files use.
DELIMITERS = (",", ";", "\t")
# How each is named in a message about a cell ("expected , or the end of the row"), and in a summary.
_DELIMITER_IN_TEXT = {",": ",", ";": ";", "\t": "a tab"}
_DELIMITER_NAMED = {",": "','", ";": "';'", "\t": "tabs"}
# Byte order marks, the codec that reads (and drops) each, and the encoding as an editor is told it.
# Without one, a file is UTF-8: Excel's "Unicode Text" always writes its UTF-16 with a mark.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 LE with BOM"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 BE with BOM"),
)
# What to do about a file in another encoding, in the words of the two programs' menus.
_SAVE_AS_UTF8 = (
    "save the file again in UTF-8: in Excel, File → Save As → CSV UTF-8 (Comma delimited) (*.csv); "
    "in LibreOffice Calc, File → Save As → Text CSV (.csv) with Edit filter settings ticked → "
    "Character set: Unicode (UTF-8)"
)


@dataclass(frozen=True, kw_only=True)
class SchemaField:
    """One column of the Table Schema."""

    name: str
    type: str = "string"
    title: str = ""
    description: str = ""
    required: bool = False
    enum: tuple[str, ...] = ()
    pattern: str | None = None


@dataclass(frozen=True, kw_only=True)
class Schema:
    """The parts of a Frictionless Table Schema the parsers use."""

    fields: tuple[SchemaField, ...]
    missing_values: tuple[str, ...] = ("",)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.fields)

    def field(self, name: str) -> SchemaField:
        for column in self.fields:
            if column.name == name:
                return column
        raise KeyError(name)


def load_schema(path: Path | Traversable, *, columns: Iterable[str]) -> Schema:
    """Read a Table Schema; ValueError unless it describes exactly ``columns``, once each."""
    document = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for item in document["fields"]:
        constraints = item.get("constraints", {})
        column = SchemaField(
            name=item["name"],
            type=item.get("type", "string"),
            title=item.get("title", ""),
            description=item.get("description", ""),
            required=bool(constraints.get("required", False)),
            enum=tuple(constraints.get("enum", ())),
            pattern=constraints.get("pattern"),
        )
        if column.type not in {"string", "date"}:
            raise ValueError(f"{path}: {column.name}: unsupported type {column.type!r}")
        if "enum" in constraints and not column.enum:
            # It would allow nothing, and "expected one of: " would list nothing.
            raise ValueError(f"{path}: {column.name}: an empty enum allows no value")
        found.append(column)
    schema = Schema(fields=tuple(found), missing_values=tuple(document.get("missingValues", [""])))
    wanted = frozenset(columns)
    if len(set(schema.names)) != len(schema.names) or set(schema.names) != wanted:
        raise ValueError(
            f"{path}: the fields {', '.join(schema.names)} do not match the columns {', '.join(sorted(wanted))}"
        )
    return schema


@dataclass(frozen=True, kw_only=True)
class Problem:
    """Something wrong (or, as a warning, worth a look) in one cell, row or file."""

    path: str
    row: int
    column: str
    value: str
    expected: str

    def __str__(self) -> str:
        return f"{self.path}:{self.row}:{self.column}: {self.value!r}: {self.expected}"


class TableError(ProblemsError):
    """A data file has problems; ``problems`` lists every one found (as `Problem`s)."""

    def __init__(self, path: str, problems: Iterable[Problem]) -> None:
        super().__init__(path, problems)
        self.path = path


Report = Callable[[int, str, str, str], None]


@dataclass(frozen=True, kw_only=True)
class Limits:
    """What a file may hold before it is refused in words (rather than by the csv module's
    field-size accident, or by pages that carry a pasted document)."""

    max_bytes: int
    max_rows: int
    max_cell_characters: Mapping[str, int]
    default_max_cell_characters: int = 100

    def cell(self, column: str) -> int:
        return self.max_cell_characters.get(column, self.default_max_cell_characters)


@dataclass(frozen=True, kw_only=True)
class Row:
    """One record that had the header's number of cells: its spreadsheet row and its trimmed values."""

    row: int
    values: Mapping[str, str]


@dataclass(frozen=True, kw_only=True)
class TextFormat:
    """How a file's bytes were read: their encoding, and the delimiter its header is split by."""

    encoding: str  # as an editor is told it: "UTF-8", "UTF-8 with BOM", "UTF-16 LE with BOM", ...
    delimiter: str

    def __str__(self) -> str:
        return f"{self.encoding}, separated by {_DELIMITER_NAMED[self.delimiter]}"


def text_format(data: bytes, schema: Schema) -> TextFormat | None:
    """How read_rows reads ``data``, or None if it cannot (bytes it cannot decode, a header that no
    delimiter splits into the schema's columns)."""
    decoded = _decode(data)
    if isinstance(decoded, _Undecodable):
        return None
    delimiter = _delimiter(decoded.text, schema.names)
    return None if delimiter is None else TextFormat(encoding=decoded.encoding, delimiter=delimiter)


def as_published(data: bytes, schema: Schema) -> bytes:
    """A file that read_rows reads, as the site publishes it: UTF-8 without a byte order mark,
    separated by commas, whatever the spreadsheet saved (the data package says so to its readers)."""
    found = text_format(data, schema)
    decoded = _decode(data)
    if found is None or isinstance(decoded, _Undecodable):
        raise ValueError("as_published: expected a file that read_rows reads")
    if found == TextFormat(encoding="UTF-8", delimiter=","):
        return data
    out = io.StringIO()
    rows = csv.reader(io.StringIO(decoded.text, newline=""), delimiter=found.delimiter)
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def read_rows(data: bytes, *, path: str, schema: Schema, limits: Limits, report: Report) -> list[Row]:
    """The file's rows, with every structural problem reported (and the cells not yet checked).

    What makes the rows unreadable (a file over its size, bytes that are not UTF-8 or UTF-16 with a
    byte order mark, a header that no delimiter splits into the schema's columns, or that does not
    match them) is reported and no rows are returned.
    """
    if len(data) > limits.max_bytes:
        # Refused unread: the limit is there so that nothing of that size is taken apart.
        report(1, "-", "", f"expected a file of at most {limits.max_bytes:,} bytes; this one has {len(data):,}")
        return []
    decoded = _decode(data)
    if isinstance(decoded, _Undecodable):
        report(*_undecodable_problem(decoded, schema.names))
        return []
    text = decoded.text
    delimiter = _delimiter(text, schema.names)
    # Without a delimiter the header is still read, with the comma, to say what is wrong with it.
    records = _records(text, delimiter or ",")
    header = next(records, None)
    if header is not None and header.broken is not None:
        report(1, "-", header.broken.value, header.broken.expected)
        return []
    cells = header.cells if header is not None else ()
    if not any(cell.strip() for cell in cells):
        report(1, "-", "", f"expected a header row; {_wanted(schema.names)}")
        return []
    if delimiter is None:
        first_line = text[: _line_end(text, 0)]
        report(1, "-", clip(first_line, 300), _no_delimiter(first_line, schema.names))
        return []
    if not _check_header(cells, schema, delimiter, report):
        # Rows cannot be read against a header that does not match: their problems would be noise.
        return []
    names = schema.names
    rows: list[Row] = []
    count, first_over = 0, 0
    for record in records:
        # Spreadsheets often save empty rows at the end; they hold nothing to check.
        if record.broken is None and not any(cell.strip() for cell in record.cells):
            continue
        count += 1
        if count == limits.max_rows + 1:
            first_over = record.row
        if record.broken is not None:
            column = names[record.broken.cell] if record.broken.cell < len(names) else "-"
            report(record.row, column, record.broken.value, record.broken.expected)
            continue
        if len(record.cells) != len(names):
            spans = f"; this row runs over lines {record.line}–{record.last_line}: is a quote left open?"
            report(
                record.row,
                "-",
                clip(delimiter.join(record.cells)),
                f"expected {len(names)} fields, found {len(record.cells)}"
                + (spans if record.last_line > record.line else ""),
            )
            continue
        values = {
            name: "" if cell.strip() in schema.missing_values else cell.strip()
            for name, cell in zip(names, record.cells, strict=True)
        }
        rows.append(Row(row=record.row, values=values))
    if count == 0:
        # A header alone would publish an empty table, and say nothing is wrong.
        report(2, "-", "", "expected at least one row below the header")
    elif count > limits.max_rows:
        report(first_over, "-", "", f"expected at most {limits.max_rows} rows below the header; this file has {count}")
    return rows


def check_text(column: SchemaField, value: str, limits: Limits, *, may_start_with_plus: bool = False) -> str | None:
    """What every cell must be, whatever its column means: the schema's requirement, its length,
    no hidden characters, no formula, one of the enum. None if the cell is fine so far."""
    if not value:
        return "expected a value; this column is required" if column.required else None
    if len(value) > limits.cell(column.name):
        return f"expected at most {limits.cell(column.name)} characters; this cell has {len(value)}"
    hidden = hidden_character(value)
    if hidden is not None:
        return f"expected text without invisible or direction-changing characters; this cell has {hidden}"
    if value.startswith(FORMULA_STARTS) and not (may_start_with_plus and value[0] == "+"):
        return FORMULA
    if column.enum and value not in column.enum:
        return f"expected one of: {', '.join(column.enum)}"
    return None


def check_pattern(column: SchemaField, value: str) -> str | None:
    if column.pattern is not None and not re.fullmatch(column.pattern, value):
        return f"expected {column.title or column.name} matching {column.pattern}"
    return None


def check_https(value: str) -> str | None:
    return web_address_problem(value, schemes=("https",), wanted="expected an https:// web address")


def check_source(value: str) -> str | None:
    return web_address_problem(
        value,
        schemes=("http", "https"),
        wanted="expected the http:// or https:// address of the page the facts were read on",
    )


def check_date(value: str, today: date) -> str | None:
    try:
        # fromisoformat alone would also take 20250314 and 2025-W11-5.
        when = date.fromisoformat(value) if _ISO_DATE.fullmatch(value) else None
    except ValueError:
        when = None
    if when is None:
        return "expected a real date as YYYY-MM-DD, e.g. 2025-03-14"
    if when > today:
        # A date records when someone checked the row, so it cannot lie ahead.
        return f"expected a date not after today ({today.isoformat()})"
    return None


def clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, kw_only=True)
class _Broken:
    """Why a record could not be split into cells, and in which of them it went wrong."""

    cell: int
    value: str
    expected: str


@dataclass(frozen=True, kw_only=True)
class _Record:
    """One record of the file: a spreadsheet row, which a quoted cell may spread over several lines."""

    row: int
    line: int
    last_line: int
    start: int  # where in the text the record begins
    cells: tuple[str, ...] = ()
    broken: _Broken | None = None


# Where an unquoted cell ends, for each delimiter, and where a line does.
_CELL_END = {delimiter: re.compile(f"[{re.escape(delimiter)}\r\n]") for delimiter in DELIMITERS}
_LINE_END = re.compile(r"[\r\n]")


def _records(text: str, delimiter: str) -> Iterator[_Record]:
    """The records of the text, read as the csv module's excel dialect reads them (with
    ``delimiter`` between cells), but strictly.

    Written out rather than left to csv.reader so that a record broken by a quote names the line the
    quote opened on and reading resumes on the line after it (an unclosed quote would otherwise
    swallow the rest of the file, and one at the very end is accepted), and so that no cell meets
    csv's field-size limit before our own limits can name it. Lines end in LF, CRLF or CR, as in csv.
    """
    cell_end = _CELL_END[delimiter]
    position, line, row = 0, 1, 0
    while position < len(text):
        row += 1
        first_line, start = line, position
        cells: list[str] = []
        while True:
            if text.startswith('"', position):
                quoted = _quoted_cell(text, position, line, delimiter)
                if quoted.expected is not None:
                    value = clip(text[position : _line_end(text, position)])
                    broken = _Broken(cell=len(cells), value=value, expected=quoted.expected)
                    yield _Record(
                        row=row, line=first_line, last_line=line, start=start, cells=tuple(cells), broken=broken
                    )
                    # Resume on the line after the quote's: the lines it swallowed are rows of their own.
                    position, line = _skip_line_end(text, _line_end(text, position), line)
                    break
                cells.append(quoted.text)
                position, line = quoted.end, quoted.last_line
            else:
                found = cell_end.search(text, position)
                end = found.start() if found else len(text)
                cells.append(text[position:end])
                position = end
            if text.startswith(delimiter, position):
                position += 1
                continue
            yield _Record(row=row, line=first_line, last_line=line, start=start, cells=tuple(cells))
            position, line = _skip_line_end(text, position, line)
            break


@dataclass(frozen=True, kw_only=True)
class _Quoted:
    text: str
    end: int
    last_line: int
    expected: str | None = None


def _quoted_cell(text: str, opened: int, line: int, delimiter: str) -> _Quoted:
    """The cell whose opening quote is at ``opened``, on ``line``; with what was expected if it is broken."""
    pieces: list[str] = []
    position, last_line = opened + 1, line
    while True:
        close = text.find('"', position)
        if close == -1:
            return _Quoted(
                text="",
                end=len(text),
                last_line=last_line,
                expected=f'unclosed quote: expected a closing " for the quote that opens this cell on line {line}; '
                "none follows before the end of the file",
            )
        pieces.append(text[position:close])
        last_line += _line_breaks(text[position:close])
        if not text.startswith('""', close):
            break
        # A quote inside a quoted cell is written twice.
        pieces.append('"')
        position = close + 2
    end = close + 1
    if end == len(text) or text[end] in delimiter + "\r\n":
        return _Quoted(text="".join(pieces), end=end, last_line=last_line)
    if last_line > line:
        # The quote that closed it belongs to a later row: the likelier mistake is a quote left open.
        expected = (
            f'unclosed quote: expected a closing " for the quote that opens this cell on line {line}; '
            f'the next " is on line {last_line}, where text follows it'
        )
    else:
        expected = (
            f'expected {_DELIMITER_IN_TEXT[delimiter]} or the end of the row after the closing " of a quoted cell; '
            'write a " in a cell as ""'
        )
    return _Quoted(text="", end=end, last_line=last_line, expected=expected)


def _line_breaks(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _line_end(text: str, position: int) -> int:
    found = _LINE_END.search(text, position)
    return found.start() if found else len(text)


def _skip_line_end(text: str, position: int, line: int) -> tuple[int, int]:
    """Past the line break at ``position`` (if any), and the number of the line that follows."""
    if text.startswith("\r\n", position):
        return position + 2, line + 1
    if text.startswith(("\r", "\n"), position):
        return position + 1, line + 1
    return position, line


@dataclass(frozen=True, kw_only=True)
class _Decoded:
    text: str
    encoding: str


@dataclass(frozen=True, kw_only=True)
class _Undecodable:
    """Where bytes stop being the encoding the file was read in (its mark's, or else UTF-8)."""

    encoding: str
    reason: str
    offset: int  # of the first byte that is not the encoding
    byte: int
    # The whole file, what could not be decoded replaced, and where in it the first such byte stands:
    # so that its row and line are counted as the readable file's would be.
    text: str
    index: int


def _decode(data: bytes) -> _Decoded | _Undecodable:
    # Only a byte order mark makes a file UTF-16: without one, UTF-16 and UTF-8 cannot be told apart
    # with certainty, and no program people save these files with writes UTF-16 without it.
    codec, encoding = next(
        ((codec, name) for mark, codec, name in _BYTE_ORDER_MARKS if data.startswith(mark)), ("utf-8", "UTF-8")
    )
    try:
        return _Decoded(text=data.decode(codec), encoding=encoding)
    except UnicodeDecodeError as error:
        return _Undecodable(
            encoding=encoding,
            reason=error.reason,
            offset=error.start,
            byte=data[error.start],
            text=data.decode(codec, errors="replace"),
            # What comes before the first bad byte decodes as it is, in the whole file as alone.
            index=len(data[: error.start].decode(codec, errors="replace")),
        )


def _undecodable_problem(bad: _Undecodable, names: Sequence[str]) -> tuple[int, str, str, str]:
    """The one problem of a file that is not in its encoding: the row and line of the first bad byte,
    the byte with the text before it on its line, and how to save the file in UTF-8."""
    text, index = bad.text, bad.index
    line_start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    line = 1 + _line_breaks(text[:line_start])
    value = f"byte 0x{bad.byte:02X} at offset {bad.offset}, on line {line}"
    before = text[line_start:index]
    if before:
        # The end of the line so far: where, in a long row, to look.
        value += f", after {before if len(before) <= 30 else '…' + before[-29:]!r}"
    if bad.encoding.startswith("UTF-16"):
        # A mark said UTF-16, and the bytes after it are not (cut short, or a lone surrogate).
        expected = f"expected {bad.encoding} throughout, as the file's byte order mark says ({bad.reason}); "
    else:
        expected = (
            'expected UTF-8, which this byte is not (Excel\'s "CSV (Comma delimited)" saves in the Windows '
            "code page, not in UTF-8); "
        )
    return _row_at(text, index, _delimiter(text, names) or ","), "-", value, expected + _SAVE_AS_UTF8


def _row_at(text: str, index: int, delimiter: str) -> int:
    """The row of the record the text's ``index`` falls in."""
    row = 1
    for record in _records(text, delimiter):
        if record.start > index:
            break
        row = record.row
    return row


def _delimiter(text: str, names: Sequence[str]) -> str | None:
    """The delimiter that splits the header into the most of the schema's columns; None if none
    gives even one.

    Most, not all: a header with a column misspelt is still split, so that the header's own check
    names that column rather than the delimiter.
    """
    wanted = set(names)
    best, most = None, 0
    for delimiter in DELIMITERS:
        header = next(_records(text, delimiter), None)
        if header is None or header.broken is not None:
            continue
        found = len(wanted & {cell.strip() for cell in header.cells})
        if found > most:
            best, most = delimiter, found
    return best


def _no_delimiter(first_line: str, names: Sequence[str]) -> str:
    """What a header split by none of the delimiters into any of the columns was expected to be."""
    expected = (
        "expected the column names as a header, separated by commas (or by semicolons or tabs, as spreadsheets "
        "also save them); none of , ; or a tab splits this line into any of them"
    )
    if "\0" in first_line:
        # UTF-16 without its byte order mark reads, as UTF-8, as letters between NULs.
        expected += "; its NUL characters suggest UTF-16 without a byte order mark: " + _SAVE_AS_UTF8
    return f"{expected}; {_wanted(names)}"


def _wanted(names: Sequence[str]) -> str:
    return f"the header must be: {','.join(names)}"


def _check_header(header: Sequence[str], schema: Schema, delimiter: str, report: Report) -> bool:
    """Whether the header (split by ``delimiter``) is the schema's columns in the schema's order;
    reports what is not."""
    names = schema.names
    wanted = _wanted(names)
    header = [cell.strip() for cell in header]
    good = True
    seen: set[str] = set()
    for cell in header:
        if cell not in names:
            report(1, cell or "-", cell, f"unknown column; {wanted}")
            good = False
        elif cell in seen:
            report(1, cell, cell, f"duplicate column; {wanted}")
            good = False
        seen.add(cell)
    for name in names:
        if name not in seen:
            report(1, name, "", f"missing column; {wanted}")
            good = False
    if good and header != list(names):
        report(1, "-", delimiter.join(header), f"columns out of order; {wanted}")
        good = False
    return good
