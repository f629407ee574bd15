"""helpkit.directory.render and helpkit.directory.helpbox: rendering from data, escaped, in the reader's language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup

from channel_table import notes_of, table_of
from helpkit.directory.channels import load_channels
from helpkit.directory.countries import _codes, region_of
from helpkit.directory.helpbox import plan_helpbox, render_helpbox
from helpkit.directory.notes import load_notes
from helpkit.directory.render import regions_of, render_directory, render_region, sorted_countries
from helpkit.i18n.strings import load_strings

ROOT = Path(__file__).resolve().parent.parent
STRINGS = load_strings(ROOT / "data" / "strings", ["en", "fr"])
REGION_URL = "{}/".format
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def real_directory():
    table = load_channels(ROOT / "data" / "reporting-channels.csv", today=date(2026, 1, 1))
    return table, load_notes(ROOT / "data" / "notes", section="channels", languages=["en", "fr"], ids=table.ids)


def test_hostile_cells_are_escaped_everywhere() -> None:
    table = table_of(
        {
            "country": "BE",
            "kind": "helpline",
            "name": HOSTILE,
            "phone": "116 000",
            "remarks": HOSTILE,
            "url": 'https://example.org/"><script>alert(1)</script>',
        },
        {"country": "BE", "kind": "emergency", "name": HOSTILE, "phone": "112", "hours": "24/7"},
    )
    notes = {ident: HOSTILE for ident in table.ids}
    html = str(
        render_directory(table, strings=STRINGS["en"], notes=notes, language="en", home="BE", region_url=REGION_URL)
    )
    region = str(render_region(table, "155", strings=STRINGS["en"], notes=notes, language="en", directory_url="../"))
    box = str(
        render_helpbox(
            box=plan_helpbox(table, "BE"), strings=STRINGS["en"], language="en", directory_url="../directory/"
        )
    )
    for out in (html, region, box):
        soup = BeautifulSoup(out, "html.parser")
        assert not soup.find("script") and not soup.find("img")
        assert "&lt;script&gt;" in out
        for anchor in soup.find_all("a"):
            assert anchor["href"].startswith(("https://", "tel:", "#", "../"))
    assert HOSTILE.replace("<", "&lt;")[:20] not in html or "&lt;script&gt;" in html


def test_countries_sort_by_their_name_in_the_reader_language_with_home_first() -> None:
    # German: Belgien, Deutschland, Österreich (Ö sorts with O); French: Allemagne, Autriche, Belgique.
    assert sorted_countries(["AT", "BE", "DE"], "de", "") == ["BE", "DE", "AT"]
    assert sorted_countries(["AT", "BE", "DE"], "fr", "") == ["DE", "AT", "BE"]
    assert sorted_countries(["AT", "BE", "DE"], "fr", "BE") == ["BE", "DE", "AT"]


def test_the_directory_groups_by_kind_with_localized_labels_dates_hours_and_notes() -> None:
    table = table_of(
        {"country": "BE", "kind": "police", "name": "Police", "url": "https://www.police.be/fr", "languages": "fr"},
        {"country": "BE", "kind": "emergency", "name": "112", "phone": "112", "verified": "2025-03-04"},
        {"country": "BE", "kind": "crisis", "name": "Ligne", "phone": "107", "hours": "Mo-Fr 09:00-17:00"},
    )
    notes = notes_of(table, "Une note")
    soup = BeautifulSoup(
        str(
            render_directory(table, strings=STRINGS["fr"], notes=notes, language="fr", home="BE", region_url=REGION_URL)
        ),
        "html.parser",
    )
    section = soup.select_one("#country-be")
    assert section.h2.get_text() == "Belgique"
    assert [h3.get_text() for h3 in section.find_all("h3")] == [
        STRINGS["fr"]["directory.kinds.emergency"],
        STRINGS["fr"]["directory.kinds.crisis"],
        STRINGS["fr"]["directory.kinds.police"],
    ]
    text = section.get_text()
    assert "4 mars 2025" in text and "français" in text and "Une note" in text
    # Hours in French, with the country's time for readers elsewhere.
    assert "lun.–ven." in text and "heure : Belgique" in text
    assert soup.select_one('a[href="tel:112"] bdi[dir=ltr]').get_text() == "112"
    assert soup.select_one('.shk-country-index a[href="#country-be"]')
    # Readers never see an editor's remarks or the source.
    assert "example.org" not in str(soup)


def test_the_real_belgian_box_in_french_runs_emergency_crisis_helpline_police() -> None:
    table, _ = real_directory()
    box = plan_helpbox(table, "BE", "fr")
    assert [slot for slot, _ in box.lines] == ["emergency", "crisis", "helpline", "police"]
    assert box.gaps == ()
    soup = BeautifulSoup(
        str(render_helpbox(box=box, strings=STRINGS["fr"], language="fr", directory_url="../directory/")),
        "html.parser",
    )
    assert soup.select_one('a[href="tel:112"]')
    assert "Belgique" in soup.h2.get_text()
    # A French page gets the French-speaking lines where the data says which language a line speaks.
    assert all("fr" in channel.languages or not channel.languages for _, channel in box.lines)


def test_each_country_is_on_its_region_page_and_the_main_page_links_there() -> None:
    table, all_notes = real_directory()
    notes = all_notes["fr"]
    main = BeautifulSoup(
        str(
            render_directory(table, strings=STRINGS["fr"], notes=notes, language="fr", home="BE", region_url=REGION_URL)
        ),
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
            str(render_region(table, region, strings=STRINGS["fr"], notes=notes, language="fr", directory_url="../")),
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


def test_the_published_csv_is_the_kits_with_the_editions_rows() -> None:
    from helpkit.directory.channels import default_schema
    from helpkit.directory.opendata import channels_csv

    kit = (",".join(default_schema().names) + "\n").encode()
    rows = [
        f"xx-{n},BE,helpline,Line {n},,,,,,,https://example.org/,,all,,,https://example.org/,high,," for n in (1, 2)
    ]
    own = (
        kit.replace(b",", b";")
        + b"xx-2;BE;helpline;Corrected;;;;;;;https://example.org/;;all;;;https://example.org/;high;;\n\n"
    )
    own += b"xx-3;BE;helpline;Own;;;;;;;https://example.org/;;all;;;https://example.org/;high;;\n"
    published = channels_csv(kit + "\n".join(rows).encode() + b"\n", own, default_schema()).decode().splitlines()
    assert [line.split(",")[3] for line in published] == ["name", "Line 1", "Corrected", "Own"]
    assert channels_csv(kit, None, default_schema()) == kit
