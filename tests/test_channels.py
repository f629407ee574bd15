"""The reporting-channel parser: the real data, and every kind of broken file it must explain."""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools
import json
import re
from datetime import date
from pathlib import Path

import phonenumbers
import pytest
from phonenumbers import shortnumberinfo

from helpkit import datatable
from helpkit.directory import channels, countries
from helpkit.directory.channels import (
    MAX_FILE_BYTES,
    SCHEMA,
    UNLISTED_SHORT_NUMBERS,
    Channel,
    ChannelDataError,
    ChannelTable,
    Problem,
    kinds,
    load_channel_schema,
    load_channels,
    parse_channels,
)
from helpkit.directory.hours import Hours

TODAY = date(2025, 6, 1)
PATH = "data/x.csv"
HEADER = (
    "id,country,kind,name,phone,sms,sms_text,chat_url,form_url,email,url,languages,audience,hours,chat_hours,"
    "source,confidence,verified,remarks"
)
WANTED_HEADER = f"the header must be: {HEADER}"
# The messages that recur below, as an editor reads them.
COUNTRY = "expected an ISO 3166-1 alpha-2 country code in capitals, e.g. BE, or INT"
KIND = "expected one of: emergency, crisis, helpline, police, hotline, removal, support"
BE_PHONE = "expected a phone number valid in BE (short numbers as dialled, e.g. 112, or full numbers)"
FORMULA = "expected text that does not start with =, +, - or @ (a spreadsheet would run it as a formula)"
HIDDEN = "expected text without invisible or direction-changing characters; this cell has"
URL = "expected an https:// web address"
SOURCE = "expected the http:// or https:// address of the page the facts were read on"
NO_WAY = "expected a way to reach the service; this row has none of phone, sms, chat_url, form_url, email, url"
GOOD = {
    "id": "be-child-focus",
    "country": "BE",
    "kind": "helpline",
    "name": "Child Focus",
    "phone": "116 000",
    "sms": "",
    "sms_text": "",
    "chat_url": "",
    "form_url": "",
    "email": "",
    "url": "https://childfocus.be/fr",
    "languages": "nl;fr",
    "audience": "all",
    "hours": "24/7",
    "chat_hours": "",
    "source": "https://example.org/source",
    "confidence": "high",
    "verified": "",
    "remarks": "Free help, day and night.",
}

DATA = Path(__file__).resolve().parent.parent / "data" / "reporting-channels.csv"


_IDS = itertools.count(1)


def line(**changes: str) -> str:
    """One CSV row: the good row with some cells changed, and an id of its own unless one is given."""
    cells = {**GOOD, **changes}
    if "id" not in changes:
        country = cells["country"].strip().lower()
        cells["id"] = f"{country if re.fullmatch('[a-z]+', country) else 'be'}-row-{next(_IDS)}"
    out = io.StringIO()
    # With "\n" as the terminator the writer also quotes cells that hold a newline.
    csv.writer(out, lineterminator="\n").writerow([cells[name] for name in GOOD])
    return out.getvalue().removesuffix("\n")


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def parse(data: bytes) -> ChannelTable:
    return parse_channels(data, path=PATH, today=TODAY)


def problems(data: bytes) -> list[str]:
    with pytest.raises(ChannelDataError) as caught:
        parse(data)
    return [str(problem) for problem in caught.value.problems]


# The real data


def test_the_real_data_file_parses_without_errors() -> None:
    table = load_channels(DATA, today=date.today())
    assert len(table.channels) > 100
    assert "INT" not in table.countries()


def test_the_real_data_file_has_the_schema_columns_in_order() -> None:
    with DATA.open(encoding="utf-8", newline="") as data:
        header = next(csv.reader(data))
    assert tuple(header) == load_channel_schema().names


def test_imported_rows_are_not_marked_as_verified() -> None:
    table = load_channels(DATA, today=date.today())
    assert table.unverified == table.channels


def test_kinds_come_from_the_schema_in_its_order() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    kind = next(field for field in schema["fields"] if field["name"] == "kind")
    assert kinds() == tuple(kind["constraints"]["enum"])
    assert kinds() == ("emergency", "crisis", "helpline", "police", "hotline", "removal", "support")


def test_the_schema_patterns_agree_with_the_code_lists() -> None:
    schema = load_channel_schema()
    assert all(re.fullmatch(schema.field("country").pattern or "", code) for code in [*countries._codes(), "INT"])
    assert all(re.fullmatch(schema.field("languages").pattern or "", code) for code in channels._LANGUAGES)


@pytest.mark.parametrize(
    ("region", "digits"),
    [(region, digits) for region, numbers in UNLISTED_SHORT_NUMBERS.items() for digits in numbers],
)
def test_unlisted_short_numbers_are_still_unknown_to_phonenumbers(region: str, digits: str) -> None:
    # Once this fails, phonenumbers knows the number as free or standard-rate: delete it from
    # UNLISTED_SHORT_NUMBERS. (IT's 114 and 19696 it lists, but without a cost.)
    number = phonenumbers.parse(digits, region)
    known = phonenumbers.is_valid_short_number_for_region(number, region) and (
        shortnumberinfo.expected_cost_for_region(number, region) in channels._KNOWN_SHORT_COSTS
    )
    assert not known
    assert not phonenumbers.is_valid_number_for_region(number, region)


def test_every_unlisted_short_number_is_used_by_a_real_row_with_that_source() -> None:
    table = load_channels(DATA, today=date.today())
    used = {
        (channel.country, number.replace(" ", ""), channel.source)
        for channel in table.channels
        for number in (channel.phone, channel.sms)
    }
    listed = {
        (region, digits, source)
        for region, numbers in UNLISTED_SHORT_NUMBERS.items()
        for digits, source in numbers.items()
    }
    assert listed <= used


def test_load_schema_refuses_a_schema_that_does_not_describe_a_channel(tmp_path: Path) -> None:
    document = json.loads(SCHEMA.read_text(encoding="utf-8"))
    document["fields"] = [field for field in document["fields"] if field["name"] != "hours"]
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ValueError, match="do not match the columns"):
        load_channel_schema(path)


def test_load_schema_refuses_an_empty_enum(tmp_path: Path) -> None:
    # It would allow no value, and the message for a wrong one would list nothing.
    document = json.loads(SCHEMA.read_text(encoding="utf-8"))
    audience = next(field for field in document["fields"] if field["name"] == "audience")
    audience["constraints"]["enum"] = []
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        load_channel_schema(path)
    assert str(caught.value) == f"{path}: audience: an empty enum allows no value"


# A good row


def test_a_good_row_becomes_a_channel() -> None:
    table = parse(csv_bytes(line(id="be-child-focus", verified="2025-05-01")))
    assert table.channels == (
        Channel(
            row=2,
            id="be-child-focus",
            country="BE",
            kind="helpline",
            name="Child Focus",
            phone="116 000",
            sms="",
            sms_text="",
            chat_url="",
            form_url="",
            email="",
            url="https://childfocus.be/fr",
            languages=("nl", "fr"),
            audience="all",
            hours=Hours(always=True),
            chat_hours=None,
            source="https://example.org/source",
            confidence="high",
            verified=date(2025, 5, 1),
            remarks="Free help, day and night.",
        ),
    )
    assert table.warnings == ()


def test_a_byte_order_mark_is_accepted() -> None:
    table = parse(b"\xef\xbb\xbf" + csv_bytes(line()))
    assert [channel.country for channel in table.channels] == ["BE"]


def test_spaces_around_cells_are_ignored() -> None:
    table = parse(csv_bytes(line(country=" BE ", phone=" 116 000")))
    assert (table.channels[0].country, table.channels[0].phone) == ("BE", "116 000")


def test_angle_brackets_are_stored_as_they_are() -> None:
    # The renderer escapes them; rejecting them would only get in an editor's way.
    table = parse(csv_bytes(line(remarks="Use <b>this</b> line")))
    assert table.channels[0].remarks == "Use <b>this</b> line"


def test_a_control_character_is_refused() -> None:
    assert problems(csv_bytes(line(remarks="a\x07b"))) == [
        f"data/x.csv:2:remarks: 'a\\x07b': {HIDDEN} U+0007 a control character"
    ]


def test_empty_rows_are_skipped_but_still_counted() -> None:
    data = csv_bytes(line(), "", ",,,,,,,,,,,", line(name="Other", kind="chatline"))
    assert problems(data) == [
        f"data/x.csv:5:kind: 'chatline': {KIND}",
    ]


def test_row_numbers_count_records_as_a_spreadsheet_does() -> None:
    data = csv_bytes(line(remarks="First line\nsecond line"), line(name="Other", country="UK"))
    assert problems(data) == [
        f"data/x.csv:3:country: 'UK': {COUNTRY}",
    ]


# A broken file: each problem, with the message an editor sees


def test_bytes_that_are_not_utf8_give_one_problem_with_the_offset() -> None:
    data = csv_bytes(line(name="Café Line")).decode("utf-8").encode("latin-1")
    offset = data.index(b"\xe9")
    before = data[data.index(b"\n") + 1 : offset].decode("ascii")
    assert problems(data) == [
        (
            f'data/x.csv:2:-: "byte 0xE9 at offset {offset}, on line 2, after {before!r}": '
            'expected UTF-8, which this byte is not (Excel\'s "CSV (Comma delimited)" saves in the Windows code '
            "page, not in UTF-8); save the file again in UTF-8: in Excel, File → Save As → CSV UTF-8 (Comma "
            "delimited) (*.csv); in LibreOffice Calc, File → Save As → Text CSV (.csv) with Edit filter settings "
            "ticked → Character set: Unicode (UTF-8)"
        ),
    ]


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_file_split_by_another_delimiter_reads_as_the_comma_one(delimiter: str) -> None:
    # Until issue 19 this was refused ("wrong delimiter: expected ','"); now the header says which it is.
    rows = [line(remarks='Say "stop"; then call.'), line(name="Other", languages="nl;fr")]
    split = [next(csv.reader([row])) for row in [HEADER, *rows]]
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(split)
    assert parse(out.getvalue().encode("utf-8")) == parse(csv_bytes(*rows))


def test_a_missing_column_is_named() -> None:
    header = HEADER.replace(",hours", "")
    assert problems(csv_bytes(header=header)) == [
        f"data/x.csv:1:hours: '': missing column; {WANTED_HEADER}",
    ]


def test_an_unknown_column_is_named() -> None:
    assert problems(csv_bytes(line() + ",x@example.org", header=HEADER + ",fax")) == [
        f"data/x.csv:1:fax: 'fax': unknown column; {WANTED_HEADER}",
    ]


def test_a_duplicate_column_is_named() -> None:
    assert problems(csv_bytes(header=HEADER + ",phone")) == [
        f"data/x.csv:1:phone: 'phone': duplicate column; {WANTED_HEADER}",
    ]


def test_columns_out_of_order_are_named() -> None:
    header = HEADER.replace("country,kind", "kind,country")
    assert problems(csv_bytes(header=header)) == [
        f"data/x.csv:1:-: {header!r}: columns out of order; {WANTED_HEADER}",
    ]


def test_an_empty_file_needs_a_header() -> None:
    assert problems(b"") == [f"data/x.csv:1:-: '': expected a header row; {WANTED_HEADER}"]


def test_a_ragged_row_is_named() -> None:
    assert problems(csv_bytes("BE,helpline,Child Focus")) == [
        "data/x.csv:2:-: 'BE,helpline,Child Focus': expected 19 fields, found 3",
    ]


def test_a_cell_too_large_for_the_csv_reader_is_named_by_its_size_and_the_next_row_still_read() -> None:
    # Until issue 14 this was csv's "field larger than field limit (131072)", and reading stopped.
    data = csv_bytes(line(remarks="x" * 200_000), line(name="Other", country="UK"))
    assert problems(data) == [
        f"data/x.csv:2:remarks: '{'x' * 59}…': expected at most 600 characters; this cell has 200000",
        f"data/x.csv:3:country: 'UK': {COUNTRY}",
    ]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize(
    "text",
    [
        DATA.read_text(encoding="utf-8"),
        'a,"b\nc",d\r\n"e""f",\n\n"",x"y\r"\r\n"\r',
        "a,b,\r\rc",
    ],
)
def test_records_are_read_as_the_csv_module_reads_them_strictly(text: str, delimiter: str) -> None:
    # The same text with another delimiter in place of the commas: what split it still does, and a
    # comma that is now text (or a ';' of the real data that is now a split) is read as csv reads it.
    text = text.replace(",", delimiter)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter)
    records = list(datatable._records(text, delimiter))
    assert [record.broken for record in records] == [None] * len(records)
    # csv gives [] for a blank line, where a spreadsheet sees one empty cell.
    assert [list(record.cells) for record in records] == [row or [""] for row in reader]


def test_a_huge_cell_does_not_hide_a_javascript_url_fifty_rows_later() -> None:
    others = [line(name=f"Line {number}") for number in range(49)]
    data = csv_bytes(line(remarks="x" * 120_000), *others, line(name="Evil", url="javascript:alert(1)"))
    assert problems(data) == [
        f"data/x.csv:2:remarks: '{'x' * 59}…': expected at most 600 characters; this cell has 120000",
        f"data/x.csv:52:url: 'javascript:alert(1)': {URL}",
    ]


@pytest.mark.parametrize(("column", "limit"), [("name", 150), ("hours", 100), ("url", 500), ("source", 500)])
def test_every_cell_has_a_length_limit(column: str, limit: int) -> None:
    value = "https://example.org/" + "a" * limit if column in {"url", "source"} else "a" * (limit + 1)
    assert problems(csv_bytes(line(**{column: value}))) == [
        f"data/x.csv:2:{column}: {datatable.clip(value)!r}: "
        f"expected at most {limit} characters; this cell has {len(value)}",
    ]


def test_a_cell_at_its_limit_is_accepted() -> None:
    table = parse(csv_bytes(line(remarks="x" * 600, name="n" * 150)))
    assert len(table.channels[0].remarks) == 600


def test_an_unclosed_quote_mid_file_is_named_where_it_opened_and_later_rows_are_still_read() -> None:
    broken = 'be-broken,BE,helpline,"Child Focus,116 000,https://childfocus.be/fr,nl;fr,all,24/7,Help.,https://example.org/s,high,'
    data = csv_bytes(
        line(),
        broken,
        line(name="Evil", url="javascript:alert(1)"),
        line(name="Other", country="UK"),
    )
    assert problems(data) == [
        (
            "data/x.csv:3:name: '\"Child Focus,116 000,https://childfocus.be/fr,nl;fr,all,24/…': "
            'unclosed quote: expected a closing " for the quote that opens this cell on line 3; '
            'the next " is on line 4, where text follows it'
        ),
        f"data/x.csv:4:url: 'javascript:alert(1)': {URL}",
        f"data/x.csv:5:country: 'UK': {COUNTRY}",
    ]


def test_an_unclosed_quote_names_its_line_and_its_row_when_they_differ() -> None:
    broken = (
        'be-broken,BE,helpline,"Other,116 000,https://childfocus.be/fr,nl;fr,all,24/7,Help.,https://example.org/s,high,'
    )
    data = csv_bytes(line(remarks="First line\nsecond line"), broken, line(country="UK", name="Third"))
    assert problems(data) == [
        (
            "data/x.csv:3:name: '\"Other,116 000,https://childfocus.be/fr,nl;fr,all,24/7,Help…': "
            'unclosed quote: expected a closing " for the quote that opens this cell on line 4; '
            'the next " is on line 5, where text follows it'
        ),
        f"data/x.csv:4:country: 'UK': {COUNTRY}",
    ]


def test_an_unclosed_quote_in_the_last_cell_is_refused() -> None:
    data = csv_bytes(line(name="Other"), line(remarks="") + '"2025-05-01')
    assert problems(data) == [
        (
            "data/x.csv:3:remarks: '\"2025-05-01': "
            'unclosed quote: expected a closing " for the quote that opens this cell on line 3; '
            "none follows before the end of the file"
        ),
    ]


def test_text_after_a_closing_quote_is_refused() -> None:
    broken = line().replace("Child Focus", '"Child" Focus')
    shown = datatable.clip(broken[broken.index('"') :])
    data = csv_bytes(broken, line(name="Other", country="UK"))
    assert problems(data) == [
        (
            f"data/x.csv:2:name: {shown!r}: "
            'expected , or the end of the row after the closing " of a quoted cell; write a " in a cell as ""'
        ),
        f"data/x.csv:3:country: 'UK': {COUNTRY}",
    ]


def test_a_quote_written_twice_inside_a_quoted_cell_is_one_quote() -> None:
    table = parse(csv_bytes(line(remarks='Say "stop", then call.')))
    assert table.channels[0].remarks == 'Say "stop", then call.'


def test_a_quote_inside_an_unquoted_cell_is_text_as_csv_reads_it() -> None:
    table = parse(csv_bytes(line().replace("Child Focus", 'Child 5" Focus')))
    assert table.channels[0].name == 'Child 5" Focus'


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_lines_may_end_in_crlf_or_cr(ending: str) -> None:
    data = csv_bytes(line(remarks="First line\nsecond line"), line(name="Other", country="UK"))
    data = data.decode("utf-8").replace("\n", ending).encode("utf-8")
    assert problems(data) == [f"data/x.csv:3:country: 'UK': {COUNTRY}"]


def test_a_ragged_row_that_spans_lines_asks_about_its_quotes() -> None:
    data = csv_bytes('BE,helpline,"Child\nFocus",116 000')
    assert problems(data) == [
        "data/x.csv:2:-: 'BE,helpline,Child\\nFocus,116 000': expected 19 fields, found 4; "
        "this row runs over lines 2–3: is a quote left open?",
    ]


def test_a_file_over_the_size_limit_is_refused_unread() -> None:
    data = csv_bytes(line()) + b" " * MAX_FILE_BYTES
    assert problems(data) == [
        f"data/x.csv:1:-: '': expected a file of at most 2,000,000 bytes; this one has {len(data):,}",
    ]


def test_more_rows_than_the_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(channels, "LIMITS", dataclasses.replace(channels.LIMITS, max_rows=2))
    data = csv_bytes(line(name="A"), "", line(name="B"), line(name="C"), line(name="D"))
    assert problems(data) == [
        "data/x.csv:5:-: '': expected at most 2 rows below the header; this file has 4",
    ]


@pytest.mark.parametrize("rows", [(), ("",), ("", ",,,,,,,,,,,")])
def test_a_file_with_no_channel_rows_is_refused(rows: tuple[str, ...]) -> None:
    assert problems(csv_bytes(*rows)) == [
        "data/x.csv:2:-: '': expected at least one row below the header",
    ]


def test_a_required_cell_must_not_be_empty() -> None:
    assert problems(csv_bytes(line(name="  "))) == [
        "data/x.csv:2:name: '': expected a value; this column is required",
    ]


@pytest.mark.parametrize("country", ["UK", "be", "EU", "IC", "Belgium"])
def test_a_country_must_be_a_country_code(country: str) -> None:
    assert problems(csv_bytes(line(country=country))) == [
        f"data/x.csv:2:country: {country!r}: {COUNTRY}",
    ]


def test_kosovo_and_int_are_accepted() -> None:
    table = parse(csv_bytes(line(country="XK", phone=""), line(country="INT", phone="")))
    assert [channel.country for channel in table.channels] == ["XK", "INT"]


def test_a_kind_must_be_one_of_the_schemas() -> None:
    assert problems(csv_bytes(line(kind="chatline"))) == [
        f"data/x.csv:2:kind: 'chatline': {KIND}",
    ]


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("audience", "teens", "expected one of: children, adults, all"),
        ("confidence", "certain", "expected one of: high, medium, low"),
    ],
)
def test_audience_and_confidence_must_be_in_their_enums(column: str, value: str, expected: str) -> None:
    assert problems(csv_bytes(line(**{column: value}))) == [
        f"data/x.csv:2:{column}: {value!r}: {expected}",
    ]


@pytest.mark.parametrize("phone", ["+32 2 000", "999", "116 00", "1-800-CALL-FBI", "0800 1111"])
def test_a_phone_must_be_valid_for_the_rows_country(phone: str) -> None:
    assert problems(csv_bytes(line(phone=phone))) == [
        f"data/x.csv:2:phone: {phone!r}: {BE_PHONE}",
    ]


@pytest.mark.parametrize(
    ("country", "phone"),
    [
        ("BE", "116 000"),
        ("BE", "112"),
        ("IT", "1 96 96"),
        ("IT", "19696"),
        ("SE", "114 14"),
        ("FR", "3018"),
        ("AU", "000"),
        ("GB", "0800 1111"),
        ("FR", "+33 1 80 52 33 76"),
        ("MT", "179"),
        ("CY", "1480"),
        ("BG", "124 123"),
    ],
)
def test_short_national_and_international_numbers_are_accepted(country: str, phone: str) -> None:
    table = parse(csv_bytes(line(country=country, phone=phone)))
    assert table.channels[0].phone == phone


@pytest.mark.parametrize(
    ("phone", "expected"),
    [
        ("1234", "expected a free or standard-rate number; phonenumbers lists 1234 as premium-rate in BE"),
        (
            "1230",
            "expected a short number that phonenumbers knows as free or standard-rate in BE; it does not know what "
            "1230 costs (a number confirmed at its source goes in UNLISTED_SHORT_NUMBERS)",
        ),
        ("+44 800 1111", "expected a phone number valid in BE; this one belongs to GB"),
        ("+33 1 80 52 33 76", "expected a phone number valid in BE; this one belongs to FR"),
        (
            "+800 1234 5678",
            "expected a phone number valid in BE; this one belongs to no country (a non-geographic number)",
        ),
    ],
)
def test_a_phone_must_be_a_known_number_of_the_rows_own_country(phone: str, expected: str) -> None:
    assert problems(csv_bytes(line(phone=phone))) == [f"data/x.csv:2:phone: {phone!r}: {expected}"]


def test_a_north_american_number_is_valid_in_every_country_that_shares_it() -> None:
    # +1 866 is toll-free across the plan: phonenumbers files it under US, and it is valid in CA too.
    assert channel("CA", "+1 866 658 9022").tel_uri() == "tel:+18666589022"


def test_an_international_row_needs_a_number_in_international_form() -> None:
    assert problems(csv_bytes(line(country="INT", phone="116 111"))) == [
        (
            "data/x.csv:2:phone: '116 111': "
            "expected a full phone number in international form, starting with + and the code"
        ),
    ]
    table = parse(csv_bytes(line(country="INT", phone="+1 866 658 9022")))
    assert table.channels[0].tel_uri() == "tel:+18666589022"


def test_a_bad_country_is_not_blamed_on_the_phone_too() -> None:
    assert problems(csv_bytes(line(country="UK", phone="999"))) == [
        f"data/x.csv:2:country: 'UK': {COUNTRY}",
    ]


@pytest.mark.parametrize(
    "url",
    [
        "http://childfocus.be/fr",
        "HTTPS://childfocus.be",
        "https://",
        "https://localhost/",
        "childfocus.be",
        "https://child focus.be",
        "javascript:alert(1)",
        "https://x.be:port/",
    ],
)
def test_a_url_must_be_an_https_address(url: str) -> None:
    assert problems(csv_bytes(line(url=url))) == [
        f"data/x.csv:2:url: {url!r}: expected an https:// web address",
    ]


def test_a_source_may_be_http_but_must_be_an_address() -> None:
    table = parse(csv_bytes(line(source="http://police.be/5998/fr/questions")))
    assert table.channels[0].source == "http://police.be/5998/fr/questions"
    assert problems(csv_bytes(line(source="BIK profile 2022"))) == [
        (
            "data/x.csv:2:source: 'BIK profile 2022': "
            "expected the http:// or https:// address of the page the facts were read on"
        ),
    ]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://childfocus.be@evil.example/",
            f"{URL} without a user name before the host (a browser would open evil.example)",
        ),
        (
            "https://evil.example\\@childfocus.be/",
            f"{URL} without \\ (a browser reads it as / and would open evil.example)",
        ),
        (
            "https://\u0441hildfocus.be/fr",
            f"{URL} with its host in ASCII (an internationalised domain in its xn-- form)",
        ),
        (
            "https://xn--hildfocus-u3h.be/fr",
            f"{URL} with a host that does not mix alphabets; xn--hildfocus-u3h.be reads as \u0441hildfocus.be, "
            "mixing CYRILLIC and LATIN",
        ),
        (
            "https://childfocus.be\u202e/rf",
            f"{HIDDEN} U+202E RIGHT-TO-LEFT OVERRIDE",
        ),
        ("https://childfocus.be:8443/fr", f"{URL} without a port"),
        ("https://childfocus.be:/fr", URL),
        ("https://[::1]/", URL),
        ("https://192.0.2.1/", f"{URL} with a domain name, not an IP address"),
        ("https://0x7f.1/", f"{URL} with a domain name, not an IP address"),
        (
            "https://child_focus.be/",
            f"{URL} with a valid host name (Codepoint U+005F at position 6 of 'child_focus' not allowed)",
        ),
        ("https://xn--zz.be/", f"{URL} with a valid host name (Invalid A-label)"),
        ("https://-childfocus.be/", f"{URL} with a valid host name (Label must not start or end with a hyphen)"),
        ("https://child\tfocus.be/", URL),
        ("https://childfocus.be/\x07", f"{HIDDEN} U+0007 a control character"),
    ],
)
def test_a_url_must_open_the_host_it_shows(url: str, expected: str) -> None:
    assert problems(csv_bytes(line(url=url))) == [f"data/x.csv:2:url: {url!r}: {expected}"]


@pytest.mark.parametrize(
    "url",
    [
        "https://xn--mnchen-3ya.de/",  # münchen.de, one alphabet, written as browsers show it
        "https://ChildFocus.be",
        "https://childfocus.be/fr?x=a@b#top",
        'https://example.org/"><script>alert(1)</script>',  # the renderer escapes it
    ],
)
def test_a_url_that_shows_its_host_plainly_is_accepted(url: str) -> None:
    assert parse(csv_bytes(line(url=url))).channels[0].url == url


def test_a_source_gets_the_same_host_checks() -> None:
    source = "http://police.be@evil.example/"
    assert problems(csv_bytes(line(source=source))) == [
        f"data/x.csv:2:source: {source!r}: {SOURCE} without a user name before the host "
        "(a browser would open evil.example)",
    ]


@pytest.mark.parametrize(
    ("name", "hidden"),
    [
        ("Child\x00Focus", "U+0000 NULL"),
        ("Child\u200bFocus", "U+200B ZERO WIDTH SPACE"),
        ("Child Focus \u202eenilpleh", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u2066Child Focus\u2069", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("Child\u00adFocus", "U+00AD SOFT HYPHEN"),
    ],
)
def test_invisible_and_direction_changing_characters_are_refused(name: str, hidden: str) -> None:
    assert problems(csv_bytes(line(name=name))) == [f"data/x.csv:2:name: {name!r}: {HIDDEN} {hidden}"]


@pytest.mark.parametrize("column", ["remarks", "hours", "languages", "verified"])
def test_a_nul_is_refused_in_every_column(column: str) -> None:
    value = "2025-05-01\x00" if column == "verified" else "nl\x00" if column == "languages" else "a\x00b"
    assert problems(csv_bytes(line(**{column: value}))) == [
        f"data/x.csv:2:{column}: {value!r}: {HIDDEN} U+0000 NULL",
    ]


@pytest.mark.parametrize(
    ("languages", "unknown"),
    [
        ("nl;xx", "'xx'"),
        ("EN", "'EN'"),
        ("nl,fr", "'nl,fr'"),
        ("nl; fr", "' fr'"),
        ("nl;", "''"),
        ("eng", "'eng'"),
    ],
)
def test_languages_must_be_iso_639_1_codes(languages: str, unknown: str) -> None:
    assert problems(csv_bytes(line(languages=languages))) == [
        (
            f"data/x.csv:2:languages: {languages!r}: expected ISO 639-1 language codes separated "
            f"by ';', e.g. nl;fr; not a code: {unknown}"
        ),
    ]


def test_languages_may_be_empty() -> None:
    assert parse(csv_bytes(line(kind="emergency", phone="112", languages=""))).channels[0].languages == ()


def test_a_verified_date_cannot_lie_in_the_future() -> None:
    assert problems(csv_bytes(line(verified="2025-06-02"))) == [
        "data/x.csv:2:verified: '2025-06-02': expected a date not after today (2025-06-01)",
    ]


@pytest.mark.parametrize("verified", ["2025-02-30", "14/03/2025", "20250314", "2025-3-14"])
def test_a_verified_date_must_be_a_real_iso_date(verified: str) -> None:
    assert problems(csv_bytes(line(verified=verified))) == [
        f"data/x.csv:2:verified: {verified!r}: expected a real date as YYYY-MM-DD, e.g. 2025-03-14",
    ]


def test_a_duplicate_id_names_the_earlier_row() -> None:
    data = csv_bytes(line(id="be-a"), line(kind="emergency", phone="112"), line(id="be-a", name="Other"))
    assert problems(data) == ["data/x.csv:4:id: 'be-a': expected an id of its own; row 2 has it already"]


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("remarks", '=HYPERLINK("https://evil.example")'),
        ("name", "@SUM(A1)"),
        ("hours", "-2+3"),
        ("remarks", "+1 more"),
        ("phone", "=112"),
    ],
)
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_refused(column: str, value: str) -> None:
    assert problems(csv_bytes(line(**{column: value}))) == [
        f"data/x.csv:2:{column}: {value!r}: {FORMULA}",
    ]


def test_a_row_needs_a_way_to_reach_the_service() -> None:
    assert problems(csv_bytes(line(phone="", url=""))) == [
        f"data/x.csv:2:-: 'Child Focus': {NO_WAY}",
    ]


def test_every_problem_in_a_file_is_reported_at_once_under_a_count() -> None:
    data = csv_bytes(
        line(country="UK"),
        line(kind="chatline", url="http://childfocus.be"),
        "BE,helpline",
        line(phone="", url="", verified="2025-02-30"),
    )
    with pytest.raises(ChannelDataError) as caught:
        parse(data)
    assert str(caught.value).splitlines() == [
        "6 problems in data/x.csv:",
        f"data/x.csv:2:country: 'UK': {COUNTRY}",
        f"data/x.csv:3:kind: 'chatline': {KIND}",
        "data/x.csv:3:url: 'http://childfocus.be': expected an https:// web address",
        "data/x.csv:4:-: 'BE,helpline': expected 19 fields, found 2",
        "data/x.csv:5:verified: '2025-02-30': expected a real date as YYYY-MM-DD, e.g. 2025-03-14",
        f"data/x.csv:5:-: 'Child Focus': {NO_WAY}",
    ]
    assert isinstance(caught.value, ValueError)
    assert len(caught.value.problems) == 6


def test_one_problem_is_counted_in_the_singular() -> None:
    with pytest.raises(ChannelDataError, match=r"^1 problem in data/x\.csv:\n"):
        parse(csv_bytes(line(country="UK")))


def test_a_pattern_in_the_schema_is_enforced_on_columns_without_their_own_check() -> None:
    schema = load_channel_schema()
    name = dataclasses.replace(schema.field("name"), pattern="[A-Z].*")
    custom = dataclasses.replace(schema, fields=tuple(name if f.name == "name" else f for f in schema.fields))
    with pytest.raises(ChannelDataError) as caught:
        parse_channels(csv_bytes(line(name="child focus")), path=PATH, today=TODAY, schema=custom)
    assert [str(problem) for problem in caught.value.problems] == [
        "data/x.csv:2:name: 'child focus': expected Name matching [A-Z].*",
    ]


# Warnings and the table


def test_a_row_verified_over_a_year_ago_is_a_warning_not_an_error() -> None:
    table = parse(csv_bytes(line(verified="2024-05-31"), line(kind="emergency", phone="112", verified="2024-06-01")))
    assert [str(warning) for warning in table.warnings] == [
        (
            "data/x.csv:2:verified: '2024-05-31': "
            "last verified 2024-05-31, over 12 months ago: re-check against the source"
        ),
    ]
    assert len(table.channels) == 2


def test_never_verified_rows_are_listed_not_warned_about() -> None:
    table = parse(csv_bytes(line(), line(kind="emergency", phone="112", verified="2025-05-01")))
    assert table.warnings == ()
    assert [channel.kind for channel in table.unverified] == ["helpline"]


def test_for_country_orders_by_kind_then_file_order() -> None:
    table = parse(
        csv_bytes(
            line(kind="hotline", name="B"),
            line(country="INT", kind="removal", phone="", name="Take It Down"),
            line(kind="helpline", name="A"),
            line(kind="emergency", phone="112", name="112"),
            line(kind="helpline", name="C"),
            line(country="FR", phone="3018", name="3018"),
        )
    )
    assert [channel.name for channel in table.for_country("BE")] == ["112", "A", "C", "B"]
    assert [channel.name for channel in table.for_country("be")] == ["112", "A", "C", "B"]
    assert [channel.name for channel in table.for_country("INT")] == ["Take It Down"]
    assert table.for_country("DE") == ()
    assert table.countries() == ("BE", "FR")


def test_problem_renders_as_path_row_column_value_expected() -> None:
    problem = Problem(path="p.csv", row=7, column="phone", value="+32 2 000", expected="x")
    assert str(problem) == "p.csv:7:phone: '+32 2 000': x"


# Phone links and display


def channel(country: str, phone: str) -> Channel:
    return parse(csv_bytes(line(country=country, phone=phone))).channels[0]


@pytest.mark.parametrize(
    ("country", "phone", "tel", "shown"),
    [
        ("NO", "116 111", "tel:116111", "116 111"),
        # A national number that cannot be dialled from abroad keeps its national form.
        ("AU", "13 11 14", "tel:131114", "13 11 14"),
        ("IT", "1 96 96", "tel:19696", "1 96 96"),
        ("AU", "000", "tel:000", "000"),
        ("MT", "179", "tel:179", "179"),
        ("CA", "+1 866 658 9022", "tel:+18666589022", "+1 866 658 9022"),
        ("GB", "0800 1111", "tel:+448001111", "0800 1111"),
        ("IE", "1800 66 66 66", "tel:+3531800666666", "1800 66 66 66"),
        ("NL", "+31  20 261 52 75", "tel:+31202615275", "+31 20 261 52 75"),
    ],
)
def test_tel_uri_and_phone_display(country: str, phone: str, tel: str, shown: str) -> None:
    found = channel(country, phone)
    assert (found.tel_uri(), found.phone_display()) == (tel, shown)


def test_a_row_without_phone_has_no_tel_uri() -> None:
    found = parse(csv_bytes(line(phone=""))).channels[0]
    assert (found.tel_uri(), found.phone_display()) == (None, "")


# The columns of the richer model: id, the ways to reach a service, hours, remarks


@pytest.mark.parametrize("value", ["BE-child", "be_child", "be--child", "be-", "be-" + "x" * 60, "be child"])
def test_an_id_must_be_a_lowercase_slug(value: str) -> None:
    wanted = (
        "expected an id of lowercase letters, digits and single hyphens, e.g. be-child-focus (at most 60 characters)"
    )
    assert problems(csv_bytes(line(id=value))) == [f"data/x.csv:2:id: {value!r}: {wanted}"]


def test_an_id_must_start_with_the_rows_country() -> None:
    assert problems(csv_bytes(line(id="fr-child-focus"))) == [
        "data/x.csv:2:id: 'fr-child-focus': expected an id that starts with the row's country, 'be-'",
    ]


def test_an_id_is_required() -> None:
    assert problems(csv_bytes(line(id=""))) == ["data/x.csv:2:id: '': expected a value; this column is required"]


def test_every_way_to_reach_a_service_is_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    # Text short codes are rarely in phonenumbers' metadata; a confirmed one is listed with its source.
    monkeypatch.setitem(channels.UNLISTED_SHORT_NUMBERS, "GB", {"85258": "https://example.org/source"})
    table = parse(
        csv_bytes(
            line(
                country="GB",
                id="gb-shout",
                phone="",
                sms="85258",
                sms_text="SHOUT",
                chat_url="https://giveusashout.org/chat",
                form_url="https://giveusashout.org/form",
                email="help@example.org",
                url="https://giveusashout.org",
                hours="24/7",
                chat_hours="Mo-Fr 09:00-17:00",
            )
        )
    )
    shout = table.channels[0]
    assert (shout.sms_uri(), shout.tel_uri(), shout.sms_display()) == ("sms:85258?body=SHOUT", None, "85258")
    assert shout.open_all_night
    assert shout.chat_hours is not None and shout.chat_hours.text == "Mo-Fr 09:00-17:00"


@pytest.mark.parametrize(
    ("column", "value", "wanted"),
    [
        ("sms", "text 85258", BE_PHONE),
        ("sms", "+33 6 12 34 56 78", "expected a phone number valid in BE; this one belongs to FR"),
        ("sms_text", "two words", "expected the one word to text, in letters and digits, e.g. SHOUT"),
        ("chat_url", "http://chat.example.org", URL),
        ("form_url", "javascript:alert(1)", URL),
        ("email", "help at example.org", "expected an e-mail address such as help@example.org"),
        ("email", "a@b", "expected an e-mail address such as help@example.org"),
    ],
)
def test_each_way_to_reach_is_checked(column: str, value: str, wanted: str) -> None:
    changes = {column: value, **({"sms": "116 000"} if column == "sms_text" else {})}
    assert problems(csv_bytes(line(**changes))) == [f"data/x.csv:2:{column}: {value!r}: {wanted}"]


def test_a_word_to_text_needs_a_number_and_chat_hours_need_a_chat() -> None:
    assert problems(csv_bytes(line(sms_text="HELP", chat_hours="24/7"))) == [
        "data/x.csv:2:sms_text: 'HELP': expected an sms number to send it to",
        "data/x.csv:2:chat_hours: '24/7': expected a chat_url: the hours of a chat with no address",
    ]


def test_an_emergency_row_needs_a_phone() -> None:
    assert problems(csv_bytes(line(kind="emergency", phone=""))) == [
        "data/x.csv:2:phone: '': expected the number to call: an emergency row needs a phone",
    ]


@pytest.mark.parametrize("value", ["Mon–Fri 09:00–17:00", "every day", "Mo-Fr 9:00-17:00", "Mo-Fr 09:00-09:00"])
def test_hours_must_be_machine_readable(value: str) -> None:
    [problem] = problems(csv_bytes(line(hours=value)))
    assert problem.startswith(f"data/x.csv:2:hours: {value!r}: expected opening hours as 24/7, or rules such as")


def test_a_reader_link_that_looks_like_an_article_is_a_warning() -> None:
    article = "https://example.org/news/2024/helpline-opens"
    table = parse(
        csv_bytes(
            line(url=article, source=article),
            line(url="https://example.org/privacy-policy"),
            line(url="https://example.org/help/contact", source="https://example.org/help/contact"),
            line(),
        )
    )
    assert [(warning.row, warning.column) for warning in table.warnings] == [(2, "url"), (3, "url"), (4, "url")]
    assert "looks like an article" in table.warnings[0].expected
    assert "below the site's front page" in table.warnings[2].expected


def test_remarks_are_kept_for_editors() -> None:
    table = parse(csv_bytes(line(remarks="The source is from 2019: check the hours.")))
    assert table.channels[0].remarks == "The source is from 2019: check the hours."


def test_an_editions_rows_correct_the_kits_in_place_and_add_after_them() -> None:
    kit = channels.load_channels(DATA, today=date.today())
    first, *rest = kit.channels
    corrected = dataclasses.replace(first, name="Corrected", row=2)
    added = dataclasses.replace(rest[0], id="xx-own", row=3)
    merged = channels.with_edition(kit, channels.ChannelTable(channels=(corrected, added)))
    assert merged.channels[0].name == "Corrected" and merged.channels[0].row == first.row
    assert merged.channels[1:-1] == tuple(rest)
    assert merged.channels[-1].id == "xx-own" and merged.channels[-1].row > max(c.row for c in kit.channels)
