"""A CSV data file read strictly against its Table Schema, with every problem collected.

The project's data files (reporting channels, platform help pages) are edited in spreadsheets by
people who should be able to fix a whole file in one pass. So a file is read here, not by
csv.reader: a quote left open or an oversized cell is named by its row, and every other row is
still read and checked. What the columns mean is the business of each table's own module; this one
knows what all of them share: the schema, the records, the header, and the checks every cell needs.
"""

from __future__ import annotations

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


def read_rows(data: bytes, *, path: str, schema: Schema, limits: Limits, report: Report) -> list[Row]:
    """The file's rows, with every structural problem reported (and the cells not yet checked).

    What makes the rows unreadable (a file over its size, bytes that are not UTF-8, a header that
    does not match the schema) is reported and no rows are returned.
    """
    if len(data) > limits.max_bytes:
        # Refused unread: the limit is there so that nothing of that size is taken apart.
        report(1, "-", "", f"expected a file of at most {limits.max_bytes:,} bytes; this one has {len(data):,}")
        return []
    text = _decode(data, report)
    if text is None:
        return []
    records = _records(text)
    header = next(records, None)
    if header is not None and header.broken is not None:
        report(1, "-", header.broken.value, header.broken.expected)
        return []
    if not _check_header(header.cells if header else None, schema, report):
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
                clip(",".join(record.cells)),
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
    cells: tuple[str, ...] = ()
    broken: _Broken | None = None


# Where an unquoted cell ends, and where a line does.
_CELL_END = re.compile(r"[,\r\n]")
_LINE_END = re.compile(r"[\r\n]")


def _records(text: str) -> Iterator[_Record]:
    """The records of the text, read as the csv module's excel dialect reads them, but strictly.

    Written out rather than left to csv.reader so that a record broken by a quote names the line the
    quote opened on and reading resumes on the line after it (an unclosed quote would otherwise
    swallow the rest of the file, and one at the very end is accepted), and so that no cell meets
    csv's field-size limit before our own limits can name it. Lines end in LF, CRLF or CR, as in csv.
    """
    position, line, row = 0, 1, 0
    while position < len(text):
        row += 1
        first_line = line
        cells: list[str] = []
        while True:
            if text.startswith('"', position):
                quoted = _quoted_cell(text, position, line)
                if quoted.expected is not None:
                    value = clip(text[position : _line_end(text, position)])
                    broken = _Broken(cell=len(cells), value=value, expected=quoted.expected)
                    yield _Record(row=row, line=first_line, last_line=line, cells=tuple(cells), broken=broken)
                    # Resume on the line after the quote's: the lines it swallowed are rows of their own.
                    position, line = _skip_line_end(text, _line_end(text, position), line)
                    break
                cells.append(quoted.text)
                position, line = quoted.end, quoted.last_line
            else:
                found = _CELL_END.search(text, position)
                end = found.start() if found else len(text)
                cells.append(text[position:end])
                position = end
            if text.startswith(",", position):
                position += 1
                continue
            yield _Record(row=row, line=first_line, last_line=line, cells=tuple(cells))
            position, line = _skip_line_end(text, position, line)
            break


@dataclass(frozen=True, kw_only=True)
class _Quoted:
    text: str
    end: int
    last_line: int
    expected: str | None = None


def _quoted_cell(text: str, opened: int, line: int) -> _Quoted:
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
    if end == len(text) or text[end] in ",\r\n":
        return _Quoted(text="".join(pieces), end=end, last_line=last_line)
    if last_line > line:
        # The quote that closed it belongs to a later row: the likelier mistake is a quote left open.
        expected = (
            f'unclosed quote: expected a closing " for the quote that opens this cell on line {line}; '
            f'the next " is on line {last_line}, where text follows it'
        )
    else:
        expected = 'expected , or the end of the row after the closing " of a quoted cell; write a " in a cell as ""'
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


def _decode(data: bytes, report: Report) -> str | None:
    try:
        # utf-8-sig: Excel's "CSV UTF-8" starts the file with a byte order mark.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        value = f"byte 0x{data[error.start]:02X} at offset {error.start}"
        report(line, "-", value, f"expected UTF-8 ({error.reason}); save the file as CSV UTF-8")
        return None


def _check_header(header: Sequence[str] | None, schema: Schema, report: Report) -> bool:
    """Whether the header is the schema's columns in the schema's order; reports what is not."""
    names = schema.names
    wanted = f"the header must be: {','.join(names)}"
    if header is None or not any(cell.strip() for cell in header):
        report(1, "-", "", f"expected a header row; {wanted}")
        return False
    header = [cell.strip() for cell in header]
    # Spreadsheets in many European locales save CSV with ';' (or tabs for "Unicode text").
    if len(header) == 1 and (";" in header[0] or "\t" in header[0]):
        report(1, "-", header[0], "wrong delimiter: expected ','")
        return False
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
        report(1, "-", ",".join(header), f"columns out of order; {wanted}")
        good = False
    return good
