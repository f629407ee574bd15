"""The directory of reporting channels: its CSV file read, checked and typed.

The column names, their order and the allowed values come from the Table Schema next to the data
(data/reporting-channels.schema.json), so a column is added in one place. The parser collects every
problem in the file before it raises, because the people who edit the data work in a spreadsheet
and should be able to fix a whole file in one pass.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import phonenumbers
from babel import Locale

from helpkit.countries import INTERNATIONAL, is_country

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"
DEFAULT_SCHEMA = DATA_DIR / "reporting-channels.schema.json"
DEFAULT_DATA = DATA_DIR / "reporting-channels.csv"


# Beyond this a row's facts are treated as stale and the checker asks for a re-check.
STALE_AFTER = timedelta(days=365)

_LANGUAGES = frozenset(code for code in Locale("en").languages if len(code) == 2 and code.isalpha())

# Real short numbers that libphonenumber's metadata does not list yet. Each was read on the page in
# its row's source column; a number lands here only after a person has checked that source, never
# to silence the checker. Drop an entry once phonenumbers knows the number (a test says when).
UNLISTED_SHORT_NUMBERS: Mapping[str, frozenset[str]] = {
    "BG": frozenset({"124123"}),  # Safer Internet Centre helpline
    "CY": frozenset({"1480"}),  # CyberSafety helpline
    "MT": frozenset({"179"}),  # Supportline 179
}

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


class ChannelDataError(ValueError):
    """The data file has problems; ``problems`` lists every one found."""

    def __init__(self, path: str, problems: Iterable[Problem]) -> None:
        self.path = path
        self.problems = tuple(problems)
        super().__init__(self.path, self.problems)

    def __str__(self) -> str:
        count = len(self.problems)
        heading = f"{count} problem{'' if count == 1 else 's'} in {self.path}"
        return "\n".join([heading, *(str(problem) for problem in self.problems)])


@dataclass(frozen=True, kw_only=True)
class ChannelTable:
    """Every channel in the file, and the warnings that did not stop the build."""

    channels: tuple[Channel, ...]
    warnings: tuple[Problem, ...] = ()

    def for_country(self, code: str) -> tuple[Channel, ...]:
        """A country's channels (or INT's), in KINDS order, then in file order."""
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


def load_schema(path: Path = DEFAULT_SCHEMA) -> Schema:
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
        columns.append(column)
    schema = Schema(fields=tuple(columns), missing_values=tuple(document.get("missingValues", [""])))
    if len(set(schema.names)) != len(schema.names) or set(schema.names) != _CHANNEL_COLUMNS:
        raise ValueError(
            f"{path}: the fields {', '.join(schema.names)} do not match the Channel's columns "
            f"{', '.join(sorted(_CHANNEL_COLUMNS))}"
        )
    return schema


_DEFAULT_SCHEMA = load_schema()

KINDS: tuple[str, ...] = _DEFAULT_SCHEMA.field("kind").enum


def _kind_rank(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def load_channels(path: Path, *, today: date) -> ChannelTable:
    """Read and check a data file; ChannelDataError lists every problem in it."""
    return parse_channels(path.read_bytes(), path=str(path), today=today)


def parse_channels(data: bytes, *, path: str, today: date, schema: Schema | None = None) -> ChannelTable:
    """Check the bytes of a data file and return its channels.

    ``path`` only names the file in messages. ``today`` decides which dates lie in the future and
    which rows are stale. Raises ChannelDataError with every problem found.
    """
    schema = schema or _DEFAULT_SCHEMA
    text = _decode(data, path)
    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[Problem] = []

    def report(row: int, column: str, value: str, expected: str) -> None:
        problems.append(Problem(path=path, row=row, column=column, value=value, expected=expected))

    header = next(reader, None)
    _check_header(header, schema, report)
    if problems:
        # Rows cannot be read against a header that does not match: their problems would be noise.
        raise ChannelDataError(path, problems)

    channels: list[Channel] = []
    warnings: list[Problem] = []
    first_seen: dict[tuple[str, ...], int] = {}
    names = schema.names
    row_number = 1
    try:
        for row_number, cells in enumerate(reader, start=2):
            # Spreadsheets often save empty rows at the end; they hold nothing to check.
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(names):
                report(
                    row_number,
                    "-",
                    _clip(",".join(cells)),
                    f"expected {len(names)} fields, found {len(cells)}",
                )
                continue
            values = {
                name: "" if cell.strip() in schema.missing_values else cell.strip()
                for name, cell in zip(names, cells, strict=True)
            }
            before = len(problems)
            _check_row(row_number, values, schema, today, report)

            key = tuple(values[name].casefold() for name in ("country", "kind", "name", "phone", "url"))
            if key in first_seen:
                report(
                    row_number,
                    "-",
                    values["name"],
                    f"expected a unique row; row {first_seen[key]} has the same country, kind, name, phone and url",
                )
            else:
                first_seen[key] = row_number

            if len(problems) == before:
                channel = _channel(row_number, values)
                channels.append(channel)
                if channel.verified is not None and today - channel.verified > STALE_AFTER:
                    warnings.append(_stale(channel, path))
    except csv.Error as error:
        report(row_number + 1, "-", "", f"expected a readable CSV row ({error})")

    if problems:
        raise ChannelDataError(path, problems)
    return ChannelTable(channels=tuple(channels), warnings=tuple(warnings))


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


def _check_header(header: list[str] | None, schema: Schema, report: _Report) -> None:
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
            report(row, column.name, value, expected)
    if not values["phone"] and not values["url"]:
        report(row, "-", values["name"], "expected a phone or a url; this row has neither")


def _check_cell(column: SchemaField, value: str, values: Mapping[str, str], valid: set[str], today: date) -> str | None:
    """What the cell should have been, or None if it is fine."""
    if not value:
        return "expected a value; this column is required" if column.required else None
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
    if _phone_is_valid(value, country):
        return None
    if country == INTERNATIONAL:
        return "expected a full phone number in international form, starting with + and the code"
    return f"expected a phone number valid in {country} (short numbers as dialled, e.g. 112, or full numbers)"


def _check_url(value: str) -> str | None:
    return None if _is_web_address(value, {"https"}) else "expected an https:// web address"


def _check_source(value: str) -> str | None:
    if _is_web_address(value, {"http", "https"}):
        return None
    return "expected the http:// or https:// address of the page the facts were read on"


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


def _is_web_address(value: str, schemes: Iterable[str]) -> bool:
    # Spelled out, not left to urlsplit, which would also take HTTPS:// and "https:example.org".
    if not value.startswith(tuple(f"{scheme}://" for scheme in schemes)):
        return False
    if any(character.isspace() for character in value):
        return False
    try:
        parts = urlsplit(value)
        _ = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        return False
    return "." in (parts.hostname or "")


def _region(country: str) -> str | None:
    return None if country == INTERNATIONAL else country


def _full_number(phone: str, country: str) -> phonenumbers.PhoneNumber | None:
    """The phone as a full number, or None if it is a short number (or not a number at all)."""
    if not _PHONE_TEXT.fullmatch(phone):
        return None
    region = _region(country)
    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return None
    if phone.startswith("+"):
        return number if phonenumbers.is_valid_number(number) else None
    if region is not None and phonenumbers.is_valid_number_for_region(number, region):
        return number
    return None


def _phone_is_valid(phone: str, country: str) -> bool:
    if _full_number(phone, country) is not None:
        return True
    region = _region(country)
    if region is None or phone.startswith("+") or not _PHONE_TEXT.fullmatch(phone):
        return False
    if phone.replace(" ", "") in UNLISTED_SHORT_NUMBERS.get(region, frozenset()):
        return True
    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_short_number_for_region(number, region)


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
