"""The directory of reporting channels: its CSV file read, checked and typed.

The column names, their order and the allowed values come from the Table Schema shipped beside
this module (reporting-channels.schema.json), so a column is added in one place. The parser collects every
problem in the file before it raises, because the people who edit the data work in a spreadsheet
and should be able to fix a whole file in one pass: a quote left open or an oversized cell is
named, and every other row is still checked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import phonenumbers
from babel import Locale
from phonenumbers import shortnumberinfo
from phonenumbers.shortnumberinfo import ShortNumberCost

from helpkit.directory.countries import INTERNATIONAL, is_country
from helpkit.plaintext import hidden_character
from helpkit.problems import ProblemsError
from helpkit.webaddress import web_address_problem

# The columns' contract, shipped with the parser that enforces it and published beside the data.
SCHEMA = resources.files(__package__) / "reporting-channels.schema.json"


# Beyond this a row's facts are treated as stale and the checker asks for a re-check.
STALE_AFTER = timedelta(days=365)

_LANGUAGES = frozenset(code for code in map(str, Locale("en").languages) if len(code) == 2 and code.isalpha())

# Real short numbers that libphonenumber's metadata does not know as free or standard-rate (some it
# does not list at all, some it lists without a cost), each with the page it was read on: its row's
# source. A number lands here only after a person has checked that page, never to silence the
# checker. Drop an entry once phonenumbers knows the number (a test says when).
UNLISTED_SHORT_NUMBERS: Mapping[str, Mapping[str, str]] = {
    "BG": {
        # Safer Internet Centre helpline
        "124123": "https://nmd.bg/en/the-eu-will-support-the-activities-of-the-safer-internet-centre-but-national-co-financing-is-also-needed/",
    },
    "CY": {
        # CyberSafety helpline
        "1480": "https://cyprus-mail.com/2018/09/17/cybersafety-helpline-receives-almost-1000-calls-in-first-year/",
    },
    "IT": {
        # 114 Emergenza Infanzia and Telefono Azzurro's 1 96 96, both free and "24 ore su 24"
        "114": "https://tg24.sky.it/cronaca/2025/04/23/telefono-azzurro-numeri-intervento-giubileo",
        "19696": "https://tg24.sky.it/cronaca/2025/04/23/telefono-azzurro-numeri-intervento-giubileo",
    },
    "MT": {
        # Supportline 179
        "179": "https://www.betterinternetforkids.eu/web/malta/profile",
    },
}

# What a short number may cost for the checker to call it known. A premium-rate code is refused: the
# metadata's premium ranges are broad (in BE they take most four-digit numbers, 1234 among them), so
# a match says little, and a reader in a crisis should not be sent to a paid line unawares.
_KNOWN_SHORT_COSTS = frozenset({ShortNumberCost.TOLL_FREE, ShortNumberCost.STANDARD_RATE})

# Limits of our own, so that a file past them is refused in words rather than by the csv module's
# field-size accident or by pages that carry a pasted document. The real file is some 40 KB and 125
# rows; its longest notes are 226 characters, its longest address 257.
MAX_FILE_BYTES = 2_000_000
MAX_ROWS = 5000
# Notes are one or two short sentences; names, hours and addresses are shorter still. A cell is
# counted in characters, after the spaces around it are dropped.
MAX_CELL_CHARACTERS: Mapping[str, int] = {"name": 150, "notes": 600, "url": 500, "source": 500}
DEFAULT_MAX_CELL_CHARACTERS = 100

# Digits and spaces only: phonenumbers would also accept letters (1-800-CALL-FBI) and punctuation,
# which readers cannot dial from every phone.
_PHONE_TEXT = re.compile(r"\+?[0-9][0-9 ]*")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@")


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
    """The parts of a Frictionless Table Schema the parser uses."""

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


@dataclass(frozen=True, kw_only=True)
class Channel:
    """One row of the directory: a way to reach one service."""

    row: int
    country: str
    kind: str
    name: str
    phone: str
    url: str
    languages: tuple[str, ...]
    audience: str
    hours: str
    notes: str
    source: str
    confidence: str
    verified: date | None

    def tel_uri(self) -> str | None:
        """A tel: link: E.164 for full numbers, the bare digits for short ones."""
        if not self.phone:
            return None
        number = _full_number(self.phone, self.country)
        if number is None:
            # Short numbers have no international form: they only work inside the country.
            return "tel:" + self.phone.replace(" ", "")
        return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def phone_display(self) -> str:
        """The number as the service itself writes it (validated on load); empty without a phone.

        phonenumbers' own grouping differs from what services print and readers recognise
        (Childline Ireland's 1800 66 66 66 would become 1800 666 666), so the data's text stays.
        """
        return " ".join(self.phone.split())


# The schema must describe exactly the columns a Channel holds, in whatever order it likes.
_CHANNEL_COLUMNS = frozenset(item.name for item in fields(Channel)) - {"row"}


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


class ChannelDataError(ProblemsError):
    """The data file has problems; ``problems`` lists every one found (as `Problem`s)."""

    def __init__(self, path: str, problems: Iterable[Problem]) -> None:
        super().__init__(path, problems)
        self.path = path


@dataclass(frozen=True, kw_only=True)
class ChannelTable:
    """Every channel in the file, and the warnings that did not stop the build."""

    channels: tuple[Channel, ...]
    warnings: tuple[Problem, ...] = ()

    def for_country(self, code: str) -> tuple[Channel, ...]:
        """A country's channels (or INT's), in kinds() order, then in file order."""
        wanted = code.upper()
        found = [channel for channel in self.channels if channel.country == wanted]
        return tuple(sorted(found, key=lambda channel: (_kind_rank(channel.kind), channel.row)))

    def countries(self) -> tuple[str, ...]:
        """The country codes that have rows, sorted; INT is not a country."""
        codes = {channel.country for channel in self.channels}
        return tuple(sorted(codes - {INTERNATIONAL}))

    @property
    def unverified(self) -> tuple[Channel, ...]:
        """Rows nobody has checked against the live source yet."""
        return tuple(channel for channel in self.channels if channel.verified is None)


def load_schema(path: Path | Traversable = SCHEMA) -> Schema:
    """Read a Table Schema; ValueError if it does not describe a Channel."""
    document = json.loads(path.read_text(encoding="utf-8"))
    columns = []
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
        columns.append(column)
    schema = Schema(fields=tuple(columns), missing_values=tuple(document.get("missingValues", [""])))
    if len(set(schema.names)) != len(schema.names) or set(schema.names) != _CHANNEL_COLUMNS:
        raise ValueError(
            f"{path}: the fields {', '.join(schema.names)} do not match the Channel's columns "
            f"{', '.join(sorted(_CHANNEL_COLUMNS))}"
        )
    return schema


@cache
def default_schema() -> Schema:
    """The shipped schema, read once, when first needed."""
    return load_schema(SCHEMA)


def kinds() -> tuple[str, ...]:
    """The kinds of channel, in the order the directory and the help box show them."""
    return default_schema().field("kind").enum


def _kind_rank(kind: str) -> int:
    return kinds().index(kind) if kind in kinds() else len(kinds())


def load_channels(path: Path, *, today: date) -> ChannelTable:
    """Read and check a data file; ChannelDataError lists every problem in it."""
    return parse_channels(path.read_bytes(), path=str(path), today=today)


def parse_channels(data: bytes, *, path: str, today: date, schema: Schema | None = None) -> ChannelTable:
    """Check the bytes of a data file and return its channels.

    ``path`` only names the file in messages. ``today`` decides which dates lie in the future and
    which rows are stale. Raises ChannelDataError with every problem found.
    """
    schema = schema or default_schema()
    problems: list[Problem] = []

    def report(row: int, column: str, value: str, expected: str) -> None:
        problems.append(Problem(path=path, row=row, column=column, value=value, expected=expected))

    if len(data) > MAX_FILE_BYTES:
        # Refused unread: the limit is there so that nothing of that size is taken apart.
        report(1, "-", "", f"expected a file of at most {MAX_FILE_BYTES:,} bytes; this one has {len(data):,}")
        raise ChannelDataError(path, problems)
    records = _records(_decode(data, path))

    header = next(records, None)
    if header is not None and header.broken is not None:
        report(1, "-", header.broken.value, header.broken.expected)
    else:
        _check_header(header.cells if header else None, schema, report)
    if problems:
        # Rows cannot be read against a header that does not match: their problems would be noise.
        raise ChannelDataError(path, problems)

    channels: list[Channel] = []
    warnings: list[Problem] = []
    first_seen: dict[tuple[str, ...], int] = {}
    names = schema.names
    rows, first_over = 0, 0
    for record in records:
        # Spreadsheets often save empty rows at the end; they hold nothing to check.
        if record.broken is None and not any(cell.strip() for cell in record.cells):
            continue
        rows += 1
        if rows == MAX_ROWS + 1:
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
                _clip(",".join(record.cells)),
                f"expected {len(names)} fields, found {len(record.cells)}"
                + (spans if record.last_line > record.line else ""),
            )
            continue
        values = {
            name: "" if cell.strip() in schema.missing_values else cell.strip()
            for name, cell in zip(names, record.cells, strict=True)
        }
        before = len(problems)
        _check_row(record.row, values, schema, today, report)

        key = tuple(values[name].casefold() for name in ("country", "kind", "name", "phone", "url"))
        if key in first_seen:
            report(
                record.row,
                "-",
                _clip(values["name"]),
                f"expected a unique row; row {first_seen[key]} has the same country, kind, name, phone and url",
            )
        else:
            first_seen[key] = record.row

        if len(problems) == before:
            channel = _channel(record.row, values)
            channels.append(channel)
            if channel.verified is not None and today - channel.verified > STALE_AFTER:
                warnings.append(_stale(channel, path))

    if rows == 0:
        # A header alone would build a directory with no way to reach anyone, and say nothing is wrong.
        report(2, "-", "", "expected at least one channel row below the header")
    elif rows > MAX_ROWS:
        report(first_over, "-", "", f"expected at most {MAX_ROWS} channel rows below the header; this file has {rows}")

    if problems:
        raise ChannelDataError(path, problems)
    return ChannelTable(channels=tuple(channels), warnings=tuple(warnings))


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
                    value = _clip(text[position : _line_end(text, position)])
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


def _stale(channel: Channel, path: str) -> Problem:
    checked = channel.verified.isoformat() if channel.verified else ""
    return Problem(
        path=path,
        row=channel.row,
        column="verified",
        value=checked,
        expected=f"last verified {checked}, over 12 months ago: re-check against the source",
    )


def _decode(data: bytes, path: str) -> str:
    try:
        # utf-8-sig: Excel's "CSV UTF-8" starts the file with a byte order mark.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problem = Problem(
            path=path,
            row=line,
            column="-",
            value=f"byte 0x{data[error.start]:02X} at offset {error.start}",
            expected=f"expected UTF-8 ({error.reason}); save the file as CSV UTF-8",
        )
        raise ChannelDataError(path, [problem]) from None


_Report = Callable[[int, str, str, str], None]


def _check_header(header: Sequence[str] | None, schema: Schema, report: _Report) -> None:
    names = schema.names
    wanted = f"the header must be: {','.join(names)}"
    if header is None or not any(cell.strip() for cell in header):
        report(1, "-", "", f"expected a header row; {wanted}")
        return
    header = [cell.strip() for cell in header]
    # Spreadsheets in many European locales save CSV with ';' (or tabs for "Unicode text").
    if len(header) == 1 and (";" in header[0] or "\t" in header[0]):
        report(1, "-", header[0], "wrong delimiter: expected ','")
        return
    seen: set[str] = set()
    for cell in header:
        if cell not in names:
            report(1, cell or "-", cell, f"unknown column; {wanted}")
        elif cell in seen:
            report(1, cell, cell, f"duplicate column; {wanted}")
        seen.add(cell)
    for name in names:
        if name not in seen:
            report(1, name, "", f"missing column; {wanted}")
    if header != list(names) and set(header) == set(names) and len(header) == len(names):
        report(1, "-", ",".join(header), f"columns out of order; {wanted}")


def _check_row(row: int, values: Mapping[str, str], schema: Schema, today: date, report: _Report) -> None:
    valid: set[str] = set()
    for column in schema.fields:
        value = values[column.name]
        expected = _check_cell(column, value, values, valid, today)
        if expected is None:
            valid.add(column.name)
        else:
            # A cell over its limit is shown by its start: the whole of it would bury the other problems.
            report(row, column.name, value if len(value) <= _max_characters(column.name) else _clip(value), expected)
    if not values["phone"] and not values["url"]:
        report(row, "-", _clip(values["name"]), "expected a phone or a url; this row has neither")


def _max_characters(column: str) -> int:
    return MAX_CELL_CHARACTERS.get(column, DEFAULT_MAX_CELL_CHARACTERS)


def _check_cell(column: SchemaField, value: str, values: Mapping[str, str], valid: set[str], today: date) -> str | None:
    """What the cell should have been, or None if it is fine."""
    if not value:
        return "expected a value; this column is required" if column.required else None
    if len(value) > _max_characters(column.name):
        return f"expected at most {_max_characters(column.name)} characters; this cell has {len(value)}"
    hidden = hidden_character(value)
    if hidden is not None:
        return f"expected text without invisible or direction-changing characters; this cell has {hidden}"
    if value.startswith(_FORMULA_STARTS) and not (column.name == "phone" and value[0] == "+"):
        return "expected text that does not start with =, +, - or @ (a spreadsheet would run it as a formula)"
    if column.enum and value not in column.enum:
        return f"expected one of: {', '.join(column.enum)}"
    if column.name == "phone":
        # Which numbers are valid depends on the country; a bad country is reported on its own.
        return _check_phone(value, values["country"]) if "country" in valid else None
    check = _COLUMN_CHECKS.get(column.name)
    if check is not None:
        # These say in words what the schema's pattern says in a regular expression.
        return check(value)
    if column.pattern is not None and not re.fullmatch(column.pattern, value):
        return f"expected {column.title or column.name} matching {column.pattern}"
    if column.type == "date":
        return _check_date(value, today)
    return None


def _check_country(value: str) -> str | None:
    if value == INTERNATIONAL or is_country(value):
        return None
    return "expected an ISO 3166-1 alpha-2 country code in capitals, e.g. BE, or INT"


def _check_phone(value: str, country: str) -> str | None:
    region = _region(country)
    if _full_number(value, country) is not None:
        return None
    if region is None:
        return "expected a full phone number in international form, starting with + and the code"
    wanted = f"expected a phone number valid in {country} (short numbers as dialled, e.g. 112, or full numbers)"
    if not _PHONE_TEXT.fullmatch(value):
        return wanted
    if value.startswith("+"):
        owner = _owner(value)
        return f"expected a phone number valid in {country}; this one belongs to {owner}" if owner else wanted
    digits = value.replace(" ", "")
    if digits in UNLISTED_SHORT_NUMBERS.get(region, {}):
        return None
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return wanted
    if not phonenumbers.is_valid_short_number_for_region(number, region):
        return wanted
    cost = shortnumberinfo.expected_cost_for_region(number, region)
    if cost in _KNOWN_SHORT_COSTS:
        return None
    if cost == ShortNumberCost.PREMIUM_RATE:
        return f"expected a free or standard-rate number; phonenumbers lists {digits} as premium-rate in {country}"
    return (
        f"expected a short number that phonenumbers knows as free or standard-rate in {country}; "
        f"it does not know what {digits} costs (a number confirmed at its source goes in UNLISTED_SHORT_NUMBERS)"
    )


def _owner(phone: str) -> str | None:
    """The country a valid number in international form belongs to, in words, or None if it is not valid."""
    try:
        number = phonenumbers.parse(phone)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    region = phonenumbers.region_code_for_number(number)
    # 001 is libphonenumber's region for numbers of no country, such as +800 freephone numbers.
    return region if region and region.isalpha() else "no country (a non-geographic number)"


def _check_url(value: str) -> str | None:
    return web_address_problem(value, schemes=("https",), wanted="expected an https:// web address")


def _check_source(value: str) -> str | None:
    return web_address_problem(
        value,
        schemes=("http", "https"),
        wanted="expected the http:// or https:// address of the page the facts were read on",
    )


def _check_languages(value: str) -> str | None:
    unknown = [code for code in value.split(";") if code not in _LANGUAGES]
    if not unknown:
        return None
    listed = ", ".join(repr(code) for code in unknown)
    return f"expected ISO 639-1 language codes separated by ';', e.g. nl;fr; not a code: {listed}"


def _check_date(value: str, today: date) -> str | None:
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


_COLUMN_CHECKS: Mapping[str, Callable[[str], str | None]] = {
    "country": _check_country,
    "url": _check_url,
    "source": _check_source,
    "languages": _check_languages,
}


def _region(country: str) -> str | None:
    return None if country == INTERNATIONAL else country


def _full_number(phone: str, country: str) -> phonenumbers.PhoneNumber | None:
    """The phone as a full number valid in the row's country (any country for INT), or None.

    None also for a short number, or a number of another country written with its + code: a row
    lists how to reach a service from its own country.
    """
    if not _PHONE_TEXT.fullmatch(phone):
        return None
    region = _region(country)
    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return None
    if region is None:
        return number if phone.startswith("+") and phonenumbers.is_valid_number(number) else None
    return number if phonenumbers.is_valid_number_for_region(number, region) else None


def _channel(row: int, values: Mapping[str, str]) -> Channel:
    languages = tuple(code for code in values["languages"].split(";") if code)
    verified = values["verified"]
    return Channel(
        row=row,
        country=values["country"],
        kind=values["kind"],
        name=values["name"],
        phone=values["phone"],
        url=values["url"],
        languages=languages,
        audience=values["audience"],
        hours=values["hours"],
        notes=values["notes"],
        source=values["source"],
        confidence=values["confidence"],
        verified=date.fromisoformat(verified) if verified else None,
    )


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
