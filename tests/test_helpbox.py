"""helpkit.directory.helpbox: what each edition's box shows, in which order, and what it says is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from channel_table import table_of
from helpkit.directory.helpbox import (
    box_preview,
    gap_descriptions,
    gap_problems,
    helpbox_problem,
    plan_helpbox,
    render_helpbox,
)
from helpkit.i18n.strings import load_strings

ROOT = Path(__file__).resolve().parent.parent
STRINGS = load_strings(ROOT / "data" / "strings", ["en", "fr", "ar"])

EMERGENCY = {"country": "BE", "kind": "emergency", "name": "Emergency number", "phone": "112", "hours": "24/7"}
CRISIS = {"country": "BE", "kind": "crisis", "name": "Crisis line", "phone": "1813", "hours": "24/7"}
HELPLINE = {
    "country": "BE",
    "kind": "helpline",
    "name": "Child line",
    "phone": "116 000",
    "audience": "children",
    "hours": "Mo-Fr 10:00-18:00",
}
POLICE = {"country": "BE", "kind": "police", "name": "Police", "url": "https://www.police.be/fr"}


def slots(table, country: str = "BE") -> list[tuple[str, str]]:
    return [(slot, channel.name) for slot, channel in plan_helpbox(table, country).lines]


def test_a_complete_box_runs_emergency_crisis_helpline_police() -> None:
    table = table_of(POLICE, HELPLINE, CRISIS, EMERGENCY)
    assert slots(table) == [
        ("emergency", "Emergency number"),
        ("crisis", "Crisis line"),
        ("helpline", "Child line"),
        ("police", "Police"),
    ]
    assert plan_helpbox(table, "BE").gaps == ()


def test_a_crisis_line_with_hours_is_shown_but_the_night_is_a_gap() -> None:
    table = table_of(EMERGENCY, {**CRISIS, "hours": "Mo-Su 10:00-24:00"}, HELPLINE, POLICE)
    box = plan_helpbox(table, "BE")
    assert ("crisis", "Crisis line") in slots(table) and box.gaps == ("night",)


def test_a_24_7_child_helpline_fills_the_crisis_slot_once() -> None:
    table = table_of(EMERGENCY, {**HELPLINE, "hours": "24/7"}, POLICE)
    assert slots(table) == [("emergency", "Emergency number"), ("crisis", "Child line"), ("police", "Police")]
    assert plan_helpbox(table, "BE").gaps == ()


def test_the_young_readers_line_comes_first_within_a_kind() -> None:
    adults = {**CRISIS, "name": "For adults", "audience": "adults"}
    young = {**CRISIS, "name": "For the young", "audience": "children", "phone": "", "chat_url": "https://x.be/chat"}
    assert ("crisis", "For the young") in slots(table_of(EMERGENCY, adults, young, HELPLINE, POLICE))


def test_missing_lines_are_gaps_not_silence() -> None:
    box = plan_helpbox(table_of(EMERGENCY), "BE")
    assert [slot for slot, _ in box.lines] == ["emergency"]
    assert box.gaps == ("night", "helpline", "police")
    assert gap_descriptions(box) == [
        "BE (Belgium): no line open all night (a crisis line, or a helpline open 24/7) in "
        "data/reporting-channels.csv; the help box tells readers so",
        "BE (Belgium): no child or youth helpline in data/reporting-channels.csv; the help box tells readers so",
        "BE (Belgium): no police reporting channel in data/reporting-channels.csv; the help box tells readers so",
    ]


def test_a_missing_emergency_number_stops_the_build_naming_the_country() -> None:
    problem = helpbox_problem(table_of(CRISIS, HELPLINE, POLICE), "BE")
    assert problem is not None and problem.startswith("home country BE (Belgium): no emergency number")


def test_a_publication_build_needs_every_gap_acknowledged() -> None:
    box = plan_helpbox(table_of(EMERGENCY, CRISIS, HELPLINE), "BE")
    setting = "mkdocs.yml: extra.helpbox_gaps_acknowledged"
    [problem] = gap_problems(box, acknowledged=(), setting=setting)
    assert problem.endswith(f"a build for publication needs it added, or acknowledged with 'police' in {setting}")
    assert gap_problems(box, acknowledged=("police",), setting=setting) == []


def test_an_international_box_shows_what_works_everywhere() -> None:
    table = table_of(
        {"country": "INT", "kind": "crisis", "name": "Find a helpline", "url": "https://findahelpline.com"},
        {"country": "INT", "kind": "removal", "name": "Take It Down", "url": "https://takeitdown.ncmec.org"},
        {"country": "INT", "kind": "hotline", "name": "INHOPE", "url": "https://inhope.org"},
    )
    assert slots(table, "") == [("crisis", "Find a helpline"), ("removal", "Take It Down")]
    assert helpbox_problem(table, "") is None


def render(table, language: str = "en", country: str = "BE") -> BeautifulSoup:
    box = plan_helpbox(table, country)
    html = render_helpbox(box=box, strings=STRINGS[language], language=language, directory_url="../directory/")
    return BeautifulSoup(str(html), "html.parser")


def test_each_line_says_what_it_is_when_it_is_open_and_has_one_link_per_way() -> None:
    texting = {**CRISIS, "sms": "1813", "chat_url": "https://www.zelfmoord1813.be/chat"}
    soup = render(table_of(EMERGENCY, texting, HELPLINE, POLICE))
    items = soup.select("li.shk-helpbox__item")
    assert [item["class"][1] for item in items] == [
        "shk-helpbox__item--emergency",
        "shk-helpbox__item--crisis",
        "shk-helpbox__item--helpline",
        "shk-helpbox__item--police",
    ]
    crisis = items[1]
    assert crisis.select_one(".shk-helpbox__when").get_text() == "Open day and night"
    assert [a["href"] for a in crisis.select(".shk-reach a")] == [
        "tel:1813",
        "sms:1813",
        "https://www.zelfmoord1813.be/chat",
    ]
    # The number itself is the label, once: the name does not repeat it.
    assert crisis.select_one(".shk-reach--call a").get_text() == "1813"
    assert "10:00" in items[2].select_one(".shk-helpbox__when").get_text()
    # A police line with no number to call still gets its way in: its website.
    assert items[3].select_one(".shk-reach a")["href"] == "https://www.police.be/fr"


def test_gaps_are_told_in_the_readers_language_with_the_emergency_number() -> None:
    soup = render(table_of(EMERGENCY), "fr")
    gaps = [p.get_text() for p in soup.select(".shk-helpbox__gap")]
    assert len(gaps) == 3
    assert all("Belgique" in gap and "112" in gap for gap in gaps)
    assert soup.select_one(".shk-helpbox__gap a[href='tel:112']")


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_hours_are_in_the_readers_language(language: str) -> None:
    soup = render(table_of(EMERGENCY, CRISIS, HELPLINE, POLICE), language)
    when = soup.select(".shk-helpbox__when")[2].get_text()
    assert "Mo" not in when and ("lun." in when if language == "fr" else "الاثنين" in when)


def test_the_editors_preview_lists_the_lines_in_order_with_hours_and_gaps() -> None:
    box = plan_helpbox(table_of(EMERGENCY, HELPLINE), "BE")
    preview = box_preview(box)
    assert preview[0].startswith("emergency: Emergency number [be-row-") and preview[0].endswith("112: 24/7")
    assert preview[1].startswith("helpline: Child line") and preview[1].endswith("116 000: Mon–Fri 10:00–18:00")
    assert preview[2:] == [f"missing: {text}" for text in gap_descriptions(box)]
