"""The directory of reporting channels: its CSV file read, checked and typed.

The column names, their order and the allowed values come from the Table Schema shipped beside
this module (reporting-channels.schema.json), so a column is added in one place. The file is read
by helpkit.datatable, which collects every problem in it before anything raises; this module knows
what each column means: numbers valid in their country, addresses that open what they show, hours
a program can read, a stable id per row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import phonenumbers
from babel import Locale
from phonenumbers import shortnumberinfo
from phonenumbers.shortnumberinfo import ShortNumberCost

from helpkit.datatable import (
    Limits,
    Problem,
    Report,
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
from helpkit.directory.countries import INTERNATIONAL, is_country
from helpkit.directory.hours import Hours, hours_problem, parse_hours
from helpkit.webaddress import is_email

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
    "CA": {
        # Kids Help Phone's text line: "free and available across Canada 24/7"
        "686868": "https://kidshelpphone.ca/text-about-it/",
    },
    "CY": {
        # CyberSafety helpline
        "1480": "https://cyprus-mail.com/2018/09/17/cybersafety-helpline-receives-almost-1000-calls-in-first-year/",
        # Hope For Children: "χωρίς χρέωση σε όποιον καλεί" (no charge to the caller)
        "1466": "https://uncrcpc.org.cy/article/to-hope-for-children-giortazei-ti-diethni-imera-tilef",
    },
    "EE": {
        # Emotional support line 116 123: "Helistamine on tasuta" (calling is free)
        "116123": "https://www.sotsiaalkindlustusamet.ee/uudised/vaimse-tervise-tugiliini-teenust-pakub-nuud-emotsionaalse-toe-ja-hingehoiu-telefon-116-123",
    },
    "GB": {
        # Shout: "a text service that anyone in the UK can use free of charge"
        "85258": "https://giveusashout.org/about-us/safeguarding-children-and-young-people/",
    },
    "GR": {
        # Klimaka's suicide line and the Ministry of Health's 24-hour line, from an article on the lines
        # "that offer help free of charge"; the lines' own cost is not quoted: check it (remarks say so).
        "1018": "https://www.reader.gr/ygeia/pagkosmia-imera-psyhikis-ygeias-oles-oi-tilefonikes-grammes-kai-oi-foreis-poy-prosferoyn-dorean/618464",
        "10306": "https://www.reader.gr/ygeia/pagkosmia-imera-psyhikis-ygeias-oles-oi-tilefonikes-grammes-kai-oi-foreis-poy-prosferoyn-dorean/618464",
        # Children SOS 1056: "free of charge for both mobile and landline callers"
        "1056": "http://globalsustain.org/en/story/15243",
    },
    "IE": {
        # Childline's text line, "by texting to 50101"; the service is free
        "50101": "https://www.ispcc.ie/childlines-24-7-support-line-conversations-in-the-lead-up-to-christmas/",
    },
    "IT": {
        # 114 Emergenza Infanzia and Telefono Azzurro's 1 96 96, both free and "24 ore su 24"
        "114": "https://tg24.sky.it/cronaca/2025/04/23/telefono-azzurro-numeri-intervento-giubileo",
        "19696": "https://tg24.sky.it/cronaca/2025/04/23/telefono-azzurro-numeri-intervento-giubileo",
    },
    "LV": {
        # Crisis line 116 123: "pilnībā bezmaksas" (completely free)
        "116123": "https://www.zz.lv/dzivesstils/jauns-bezmaksas-krizu-talrunis-116-123-260129",
    },
    "MT": {
        # Supportline 179
        "179": "https://www.betterinternetforkids.eu/web/malta/profile",
        # The national 24/7 mental health helpline; its cost is not quoted: check it (remarks say so).
        "1579": "https://timesofmalta.com/articles/view/national-247-mental-health-helpline-goes-live.993347",
    },
    "PT": {
        # The national suicide prevention line, "gratuita e disponível 24 horas por dia"
        "1411": "https://www.dn.pt/sociedade/linha-de-apoio-%C3%A0-preven%C3%A7%C3%A3o-do-suic%C3%ADdio-entrou-em-funcionamento-e-tem-o-n%C3%BAmero-1411",
    },
    "SE": {
        # Mind's suicide line; its cost is not quoted: check it (remarks say so).
        "90101": "http://www.kronprinsessparetsstiftelse.se/projekt/sjalvmordsupplysningen.html",
    },
    "US": {
        # Crisis Text Line: "free, 24/7 support ... Text HOME to 741741"
        "741741": "http://www.sfisd.net/apps/pages/index.jsp?uREC_ID=1473130&type=d&pREC_ID=1625729",
    },
}


# What a short number may cost for the checker to call it known. A premium-rate code is refused: the
# metadata's premium ranges are broad (in BE they take most four-digit numbers, 1234 among them), so
# a match says little, and a reader in a crisis should not be sent to a paid line unawares.
_KNOWN_SHORT_COSTS = frozenset({ShortNumberCost.TOLL_FREE, ShortNumberCost.STANDARD_RATE})

# Limits of our own, so that a file past them is refused in words rather than by the csv module's
# field-size accident or by pages that carry a pasted document. The real file is some 60 KB and 200
# rows; its longest address is 257 characters.
LIMITS = Limits(
    max_bytes=2_000_000,
    max_rows=5000,
    max_cell_characters={"name": 150, "remarks": 600, "url": 500, "chat_url": 500, "form_url": 500, "source": 500},
)
MAX_FILE_BYTES = LIMITS.max_bytes

# Digits and spaces only: phonenumbers would also accept letters (1-800-CALL-FBI) and punctuation,
# which readers cannot dial from every phone.
_PHONE_TEXT = re.compile(r"\+?[0-9][0-9 ]*")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SMS_TEXT = re.compile(r"[A-Za-z0-9]{1,20}")
# The ways a reader can reach a service; a row needs at least one.
REACH_COLUMNS = ("phone", "sms", "chat_url", "form_url", "email", "url")


@dataclass(frozen=True, kw_only=True)
class Channel:
    """One row of the directory: one service, and every way to reach it."""

    row: int
    id: str
    country: str
    kind: str
    name: str
    phone: str
    sms: str
    sms_text: str
    chat_url: str
    form_url: str
    email: str
    url: str
    languages: tuple[str, ...]
    audience: str
    hours: Hours | None
    chat_hours: Hours | None
    source: str
    confidence: str
    verified: date | None
    remarks: str

    def tel_uri(self) -> str | None:
        """A tel: link: E.164 for full numbers, the bare digits for short ones."""
        return _dial_uri("tel:", self.phone, self.country)

    def sms_uri(self) -> str | None:
        """An sms: link to the text number, with the word to send when there is one."""
        uri = _dial_uri("sms:", self.sms, self.country)
        if uri and self.sms_text:
            # RFC 5724's body parameter; the word is letters and digits only (checked on load).
            return f"{uri}?body={self.sms_text}"
        return uri

    def phone_display(self) -> str:
        """The number as the service itself writes it (validated on load); empty without a phone.

        phonenumbers' own grouping differs from what services print and readers recognise
        (Childline Ireland's 1800 66 66 66 would become 1800 666 666), so the data's text stays.
        """
        return " ".join(self.phone.split())

    def sms_display(self) -> str:
        return " ".join(self.sms.split())

    @property
    def answers(self) -> bool:
        """Whether someone answers it: a number to call or text, or a chat (not only a page or a form)."""
        return bool(self.phone or self.sms or self.chat_url)

    @property
    def open_all_night(self) -> bool:
        """Whether the line answers the phone (or, without one, its main way) at any hour."""
        return self.hours is not None and self.hours.always


def _dial_uri(scheme: str, number_text: str, country: str) -> str | None:
    if not number_text:
        return None
    number = _full_number(number_text, country)
    if number is None or not phonenumbers.can_be_internationally_dialled(number):
        # Short numbers, and national ones such as Australia's 13 11 14, have no international form:
        # they only work inside the country, dialled as written.
        return scheme + number_text.replace(" ", "")
    return scheme + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# The schema must describe exactly the columns a Channel holds, in whatever order it likes.
_CHANNEL_COLUMNS = frozenset(item.name for item in fields(Channel)) - {"row"}


class ChannelDataError(TableError):
    """The data file has problems; ``problems`` lists every one found (as `Problem`s)."""


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
    def ids(self) -> tuple[str, ...]:
        return tuple(channel.id for channel in self.channels)

    @property
    def unverified(self) -> tuple[Channel, ...]:
        """Rows nobody has checked against the live source yet."""
        return tuple(channel for channel in self.channels if channel.verified is None)


def with_edition(kit: ChannelTable, own: ChannelTable) -> ChannelTable:
    """The kit's channels with an edition's own (edition/reporting-channels.csv): a row with the id of
    a kit row replaces it where it stands (a correction), any other comes after the kit's (an addition)."""
    mine = {channel.id: channel for channel in own.channels}
    replaced = {channel.row for channel in kit.channels if channel.id in mine}
    last = max((channel.row for channel in kit.channels), default=0)
    merged = [replace(mine[channel.id], row=channel.row) if channel.id in mine else channel for channel in kit.channels]
    kit_ids = set(kit.ids)
    merged += [replace(channel, row=last + channel.row) for channel in own.channels if channel.id not in kit_ids]
    # A kit row's doubts go with it; the edition's row has its own, naming the edition's file.
    warnings = tuple(warning for warning in kit.warnings if warning.row not in replaced) + own.warnings
    return ChannelTable(channels=tuple(merged), warnings=warnings)


def load_channel_schema(path: Path | Traversable = SCHEMA) -> Schema:
    """Read a Table Schema; ValueError if it does not describe a Channel."""
    return load_schema(path, columns=_CHANNEL_COLUMNS)


@cache
def default_schema() -> Schema:
    """The shipped schema, read once, when first needed."""
    return load_schema(SCHEMA, columns=_CHANNEL_COLUMNS)


def kinds() -> tuple[str, ...]:
    """The kinds of channel, in the order the directory shows them."""
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

    rows = read_rows(data, path=path, schema=schema, limits=LIMITS, report=report)
    if problems and not rows:
        # The file could not be read into rows (its size, its bytes, its header): that is the problem.
        raise ChannelDataError(path, problems)
    channels: list[Channel] = []
    warnings: list[Problem] = []
    first_seen: dict[str, int] = {}
    for record in rows:
        values = record.values
        before = len(problems)
        _check_row(record.row, values, schema, today, report)
        ident = values["id"]
        if ident and ident in first_seen:
            report(record.row, "id", ident, f"expected an id of its own; row {first_seen[ident]} has it already")
        elif ident:
            first_seen[ident] = record.row
        if len(problems) == before:
            channel = _channel(record.row, values)
            channels.append(channel)
            warnings.extend(_warnings(channel, path, today))
    if problems:
        # In the file's order, as an editor goes through it; the reader reports structure first.
        raise ChannelDataError(path, sorted(problems, key=lambda problem: problem.row))
    return ChannelTable(channels=tuple(channels), warnings=tuple(warnings))


# A reader link whose path says it is about the service rather than the service itself.
_ARTICLE_WORDS = ("news", "press", "article", "petition", "privacy", "blog", "nieuws", "actualite", "aktuelles")


def _warnings(channel: Channel, path: str, today: date) -> list[Problem]:
    """What does not stop a build but an editor should look at: stale rows, links that look like articles."""
    found = []

    def warn(column: str, value: str, expected: str) -> None:
        found.append(Problem(path=path, row=channel.row, column=column, value=value, expected=expected))

    if channel.verified is not None and today - channel.verified > STALE_AFTER:
        checked = channel.verified.isoformat()
        warn("verified", checked, f"last verified {checked}, over 12 months ago: re-check against the source")
    if doubt := _url_doubt(channel):
        warn("url", channel.url, doubt)
    return found


def _url_doubt(channel: Channel) -> str | None:
    """Why the reader link may be a page about the service rather than the service, or None."""
    if not channel.url:
        return None
    same = channel.url.rstrip("/") == channel.source.rstrip("/")
    wanted = "readers need the service's own front door or contact page (or no url)"
    if _looks_like_article(channel.url):
        if same:
            return f"the same address as source, and it looks like an article: {wanted}"
        return f"looks like an article, a press release, a petition or a policy page: {wanted}"
    if same and "/" in channel.url.removeprefix("https://").rstrip("/"):
        return "the same address as source, below the site's front page: check that readers should open it"
    return None


def _looks_like_article(url: str) -> bool:
    path = url.split("://", 1)[-1].partition("/")[2].casefold()
    return any(word in re.split(r"[^a-z]+", path) for word in _ARTICLE_WORDS)


def _check_row(row: int, values: Mapping[str, str], schema: Schema, today: date, report: Report) -> None:
    valid: set[str] = set()
    for column in schema.fields:
        value = values[column.name]
        expected = _check_cell(column, value, values, valid, today)
        if expected is None:
            valid.add(column.name)
        else:
            # A cell over its limit is shown by its start: the whole of it would bury the other problems.
            report(row, column.name, value if len(value) <= LIMITS.cell(column.name) else clip(value), expected)
    if not any(values[name] for name in REACH_COLUMNS):
        report(
            row,
            "-",
            clip(values["name"]),
            f"expected a way to reach the service; this row has none of {', '.join(REACH_COLUMNS)}",
        )
    if values["kind"] == "emergency" and not values["phone"]:
        report(row, "phone", "", "expected the number to call: an emergency row needs a phone")
    if values["sms_text"] and not values["sms"]:
        report(row, "sms_text", values["sms_text"], "expected an sms number to send it to")
    if values["chat_hours"] and not values["chat_url"]:
        report(row, "chat_hours", values["chat_hours"], "expected a chat_url: the hours of a chat with no address")
    if "country" in valid and "id" in valid and values["id"]:
        prefix = values["country"].lower() + "-"
        if not values["id"].startswith(prefix):
            report(row, "id", values["id"], f"expected an id that starts with the row's country, {prefix!r}")


def _check_cell(column: SchemaField, value: str, values: Mapping[str, str], valid: set[str], today: date) -> str | None:
    """What the cell should have been, or None if it is fine."""
    expected = check_text(column, value, LIMITS, may_start_with_plus=column.name in {"phone", "sms"})
    if expected is not None or not value:
        return expected
    if column.name in {"phone", "sms"}:
        # Which numbers are valid depends on the country; a bad country is reported on its own.
        return _check_phone(value, values["country"]) if "country" in valid else None
    check = _COLUMN_CHECKS.get(column.name)
    if check is not None:
        # These say in words what the schema's pattern says in a regular expression.
        return check(value)
    if column.type == "date":
        return check_date(value, today)
    return check_pattern(column, value)


def _check_country(value: str) -> str | None:
    if value == INTERNATIONAL or is_country(value):
        return None
    return "expected an ISO 3166-1 alpha-2 country code in capitals, e.g. BE, or INT"


def _check_id(value: str) -> str | None:
    if _ID.fullmatch(value) and len(value) <= 60:
        return None
    return "expected an id of lowercase letters, digits and single hyphens, e.g. be-child-focus (at most 60 characters)"


def _check_sms_text(value: str) -> str | None:
    return None if _SMS_TEXT.fullmatch(value) else "expected the one word to text, in letters and digits, e.g. SHOUT"


def _check_email(value: str) -> str | None:
    return None if is_email(value) else "expected an e-mail address such as help@example.org"


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


def _check_languages(value: str) -> str | None:
    unknown = [code for code in value.split(";") if code not in _LANGUAGES]
    if not unknown:
        return None
    listed = ", ".join(repr(code) for code in unknown)
    return f"expected ISO 639-1 language codes separated by ';', e.g. nl;fr; not a code: {listed}"


_COLUMN_CHECKS: Mapping[str, Callable[[str], str | None]] = {
    "id": _check_id,
    "country": _check_country,
    "url": check_https,
    "chat_url": check_https,
    "form_url": check_https,
    "email": _check_email,
    "sms_text": _check_sms_text,
    "source": check_source,
    "languages": _check_languages,
    "hours": hours_problem,
    "chat_hours": hours_problem,
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
        id=values["id"],
        country=values["country"],
        kind=values["kind"],
        name=values["name"],
        phone=values["phone"],
        sms=values["sms"],
        sms_text=values["sms_text"],
        chat_url=values["chat_url"],
        form_url=values["form_url"],
        email=values["email"],
        url=values["url"],
        languages=languages,
        audience=values["audience"],
        hours=parse_hours(values["hours"]) if values["hours"] else None,
        chat_hours=parse_hours(values["chat_hours"]) if values["chat_hours"] else None,
        source=values["source"],
        confidence=values["confidence"],
        verified=date.fromisoformat(verified) if verified else None,
        remarks=values["remarks"],
    )
