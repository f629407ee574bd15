"""helpkit.directory.numbers: the reader's numbers filled into pages from the data."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from markupsafe import escape

from channel_table import table_of
from helpkit.directory.helpbox import plan_helpbox
from helpkit.directory.numbers import fill_numbers, render_number
from helpkit.i18n.strings import load_strings

ROOT = Path(__file__).resolve().parent.parent
STRINGS = load_strings(ROOT / "data" / "strings", ["en", "fr"])
US = (
    {"country": "US", "kind": "emergency", "name": "Emergency", "phone": "911", "hours": "24/7"},
    {"country": "US", "kind": "crisis", "name": "Suicide & Crisis Lifeline", "phone": "988", "hours": "24/7"},
    {"country": "US", "kind": "helpline", "name": "Childhelp", "phone": "+1 800 422 4453", "audience": "children"},
)


def filled(markdown: str, rows=US, country: str = "US", language: str = "en") -> tuple[str, list[str]]:
    box = plan_helpbox(table_of(*rows), country, language)
    return fill_numbers(markdown, path="docs/en/x.md", box=box, strings=STRINGS[language], language=language)


def test_a_us_edition_says_911_and_988() -> None:
    text, problems = filled("Call {{ emergency }}. Or call {{crisis}}. Or talk to {{ helpline }}.")
    assert problems == []
    soup = BeautifulSoup(text, "html.parser")
    assert [a["href"] for a in soup.find_all("a")] == ["tel:911", "tel:988", "tel:+18004224453"]
    assert soup.get_text() == (
        "Call 911. Or call Suicide & Crisis Lifeline, 988 (open day and night). "
        "Or talk to Childhelp, +1 800 422 4453 (opening hours not listed)."
    )


def test_a_belgian_edition_says_112() -> None:
    rows = ({"country": "BE", "kind": "emergency", "name": "Emergency", "phone": "112", "hours": "24/7"},)
    text, _ = filled("Bel {{ emergency }}.", rows, "BE")
    assert BeautifulSoup(text, "html.parser").get_text() == "Bel 112."


def test_the_emergency_number_and_the_stop_after_it_stay_on_one_line() -> None:
    rows = ({"country": "BE", "kind": "emergency", "name": "Emergency", "phone": "112", "hours": "24/7"},)
    text, _ = filled("Bel {{ emergency }}. Of {{ emergency }} en meer.", rows, "BE")
    soup = BeautifulSoup(text, "html.parser")
    kept = soup.select("span.shk-nowrap")
    assert [span.get_text() for span in kept] == ["112."]
    assert soup.get_text() == "Bel 112. Of 112 en meer."
    arabic, _ = filled("اتصل بـ {{ emergency }}، الآن", rows, "BE")
    assert BeautifulSoup(arabic, "html.parser").select_one("span.shk-nowrap").get_text() == "112،"


def test_without_a_line_the_words_for_it_stand_in_the_readers_language() -> None:
    text, problems = filled("Appelle {{ crisis }}.", US[:1], "US", "fr")
    assert problems == []
    assert text == f"Appelle {escape(STRINGS['fr']['numbers.crisis_none'])}."


def test_an_international_edition_names_no_number() -> None:
    rows = ({"country": "INT", "kind": "removal", "name": "Take It Down", "url": "https://takeitdown.ncmec.org"},)
    text, _ = filled("Call {{ emergency }}.", rows, "")
    assert text == f"Call {escape(STRINGS['en']['numbers.emergency_none'])}."


def test_an_unknown_placeholder_fails_naming_the_file_and_line() -> None:
    text, problems = filled("One\n\nCall {{ emergancy }} or {{ }}.")
    assert text == "One\n\nCall {{ emergancy }} or {{ }}."
    assert problems == [
        "docs/en/x.md: line 3: {{ emergancy }}: unknown placeholder: expected one of "
        "{{ emergency }}, {{ crisis }}, {{ helpline }}",
        "docs/en/x.md: line 3: {{  }}: unknown placeholder: expected one of "
        "{{ emergency }}, {{ crisis }}, {{ helpline }}",
    ]


def test_names_from_the_data_are_escaped() -> None:
    rows = (*US[:2], {**US[2], "name": "<script>alert(1)</script>"})
    html = str(render_number("helpline", box=plan_helpbox(table_of(*rows), "US"), strings=STRINGS["en"], language="en"))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_chat_that_keeps_other_hours_says_them_in_the_countrys_time_format() -> None:
    rows = (
        {"country": "BE", "kind": "emergency", "name": "Emergency", "phone": "112", "hours": "24/7"},
        {
            "country": "BE",
            "kind": "crisis",
            "name": "Zelfmoordlijn",
            "phone": "1813",
            "hours": "24/7",
            "chat_url": "https://www.zelfmoord1813.be",
            "chat_hours": "17:00-24:00",
        },
    )
    text, _ = filled("Talk to {{ crisis }}.", rows, "BE")
    said = BeautifulSoup(text, "html.parser").get_text().translate({0x202F: " ", 0x2009: " "})
    # English for a Belgian line: en_BE's 24-hour clock, not en_US's.
    assert said == "Talk to Zelfmoordlijn, 1813 (open day and night) or chat (every day 17:00–00:00)."


def test_a_us_line_keeps_the_us_clock() -> None:
    rows = (*US[:2], {**US[2], "hours": "Mo-Fr 09:00-17:00"})
    text, _ = filled("{{ helpline }}", rows)
    assert "9:00" in text and "AM" in text
