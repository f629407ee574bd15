"""helpkit.directory.render and helpkit.directory.helpbox: rendering from data, escaped, in the reader's language."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup

from helpkit.directory.channels import load_channels, parse_channels
from helpkit.directory.countries import _codes, region_of
from helpkit.directory.helpbox import HOME_KINDS, pick_channels, render_helpbox
from helpkit.directory.render import regions_of, render_directory, render_region, sorted_countries
from helpkit.i18n.strings import load_strings

ROOT = Path(__file__).resolve().parent.parent
STRINGS = load_strings(ROOT / "data" / "strings", ["en", "fr"])
COLUMNS = "country,kind,name,phone,url,languages,audience,hours,notes,source,confidence,verified".split(",")
REGION_URL = "{}/".format
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def table_of(*rows: dict[str, str]):
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {"languages": "fr", "audience": "all", "source": "https://example.org/", "confidence": "high"} | row
        )
    return parse_channels(out.getvalue().encode(), path="t.csv", today=date(2026, 1, 1))


def test_hostile_cells_are_escaped_everywhere() -> None:
    table = table_of(
        {
            "country": "BE",
            "kind": "helpline",
            "name": HOSTILE,
            "phone": "116 000",
            "notes": HOSTILE,
            "hours": HOSTILE,
            "url": 'https://example.org/"><script>alert(1)</script>',
        },
    )
    html = str(render_directory(table, strings=STRINGS["en"], language="en", home="BE", region_url=REGION_URL))
    region = str(render_region(table, "155", strings=STRINGS["en"], language="en", directory_url="../"))
    box = str(
        render_helpbox(
            channels=table.channels,
            strings=STRINGS["en"],
            country_label="Belgium",
            directory_url="../directory/",
            crisis_url=None,
        )
    )
    for out in (html, region, box):
        soup = BeautifulSoup(out, "html.parser")
        assert not soup.find("script") and not soup.find("img")
        assert "&lt;script&gt;" in out
        for anchor in soup.find_all("a"):
            assert anchor["href"].startswith(("https://", "tel:", "#", "../"))


def test_countries_sort_by_their_name_in_the_reader_language_with_home_first() -> None:
    # German: Belgien, Deutschland, Österreich (Ö sorts with O); French: Allemagne, Autriche, Belgique.
    assert sorted_countries(["AT", "BE", "DE"], "de", "") == ["BE", "DE", "AT"]
    assert sorted_countries(["AT", "BE", "DE"], "fr", "") == ["DE", "AT", "BE"]
    assert sorted_countries(["AT", "BE", "DE"], "fr", "BE") == ["BE", "DE", "AT"]


def test_the_directory_groups_by_kind_with_localized_labels_and_dates() -> None:
    table = table_of(
        {"country": "BE", "kind": "police", "name": "Police", "url": "https://www.police.be/fr"},
        {"country": "BE", "kind": "emergency", "name": "112", "phone": "112", "verified": "2025-03-04"},
    )
    soup = BeautifulSoup(
        str(render_directory(table, strings=STRINGS["fr"], language="fr", home="BE", region_url=REGION_URL)),
        "html.parser",
    )
    section = soup.select_one("#country-be")
    assert section.h2.get_text() == "Belgique"
    assert [h3.get_text() for h3 in section.find_all("h3")] == ["Urgences", "Police"]
    assert "4 mars 2025" in section.get_text()
    assert "français" in section.get_text()
    assert soup.select_one('a[href="tel:112"] bdi[dir=ltr]').get_text() == "112"
    assert soup.select_one('.shk-country-index a[href="#country-be"]')


def test_the_help_box_picks_emergency_child_helpline_and_police() -> None:
    table = load_channels(ROOT / "data" / "reporting-channels.csv", today=date(2026, 1, 1))
    picked = pick_channels(table.for_country("BE"), HOME_KINDS)
    assert [channel.kind for channel in picked] == ["emergency", "helpline", "police"]
    box = BeautifulSoup(
        str(
            render_helpbox(
                channels=picked,
                strings=STRINGS["fr"],
                country_label="Belgique",
                directory_url="../directory/",
                crisis_url="../x/#crisis",
            )
        ),
        "html.parser",
    )
    assert box.select_one('a[href="tel:112"]') and box.select_one('a[href="tel:116000"]')
    assert box.select_one('a[href="../x/#crisis"]')
    assert "Belgique" in box.h2.get_text()


def test_each_country_is_on_its_region_page_and_the_main_page_links_there() -> None:
    table = load_channels(ROOT / "data" / "reporting-channels.csv", today=date(2026, 1, 1))
    main = BeautifulSoup(
        str(render_directory(table, strings=STRINGS["fr"], language="fr", home="BE", region_url=REGION_URL)),
        "html.parser",
    )
    # The main page holds the home country and what works everywhere; the index reaches every country.
    assert [section["id"] for section in main.select("section.shk-country")] == ["country-be", "country-int"]
    links = [link["href"] for link in main.select(".shk-country-index a")]
    assert links[0] == "#country-be" and links[-1] == "#country-int"
    assert "154/#country-se" in links and "021/#country-us" in links
    seen = []
    for region, codes in regions_of(table.countries()).items():
        page = BeautifulSoup(
            str(render_region(table, region, strings=STRINGS["fr"], language="fr", directory_url="../")),
            "html.parser",
        )
        ids = [section["id"] for section in page.select("section.shk-country")]
        assert ids == [f"country-{code.lower()}" for code in sorted_countries(codes, "fr", "")]
        assert page.select_one('a[href="../"]').get_text() == STRINGS["fr"]["directory.all_countries"]
        seen += codes
    assert sorted(seen) == sorted(table.countries())


def test_every_country_cldr_knows_has_a_region() -> None:
    # A fork may add any country to the data; each must land on a region page.
    assert {region_of(code) for code in _codes()} >= {"154", "155", "039", "151", "021", "053", "145", "QO"}
    assert region_of("BE") == "155" and region_of("XK") == "039"
