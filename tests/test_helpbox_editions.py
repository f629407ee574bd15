"""The help box and the numbers on the pages, built for real editions: Belgium (the default), Poland,
the United States, the United Kingdom, Australia and an international edition."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import build_site, copy_project, page_soup, site_pages

ROOT = Path(__file__).resolve().parent.parent
SLOTS = ["emergency", "crisis", "helpline", "police"]


def box_of(path: Path) -> BeautifulSoup:
    box = page_soup(path).select_one("aside[data-shk=helpbox]")
    assert box is not None, path
    return box


def slots(box: BeautifulSoup) -> list[str]:
    return [item["class"][1].removeprefix("shk-helpbox__item--") for item in box.select("li.shk-helpbox__item")]


def tel(box: BeautifulSoup) -> list[str]:
    return [anchor["href"] for anchor in box.select(".shk-reach--call a")]


def crisis_list(path: Path) -> BeautifulSoup:
    return page_soup(path).find(id="crisis").find_next("ul")


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory, builds: None) -> dict[str, Path]:
    built = {}
    for country, languages in (("US", "en"), ("GB", "en"), ("AU", "en"), ("PL", "pl,en"), ("", "en,ar")):
        dest = tmp_path_factory.mktemp(f"edition-{country or 'int'}")
        result = build_site(dest, env={"SITE_COUNTRY": country, "SITE_LANGUAGES": languages})
        (dest / ".build-log").write_text(result.stderr, encoding="utf-8")
        built[country or "INT"] = dest
    return built


def test_the_belgian_box_runs_emergency_crisis_helpline_police_on_every_page(site: Path) -> None:
    for path in site_pages(site):
        box = box_of(path)
        assert slots(box) == SLOTS, path
        assert tel(box)[0] == "tel:112", path
        # The box holds its crisis line: nothing leads back to a page about one.
        assert not box.select('a[href*="#crisis"]'), path
        assert not box.select(".shk-helpbox__gap"), path


@pytest.mark.parametrize(
    ("country", "numbers"),
    [("US", ["tel:911", "tel:988"]), ("GB", ["tel:999", "tel:116123"]), ("AU", ["tel:000", "tel:131114"])],
)
def test_each_edition_has_its_own_numbers_in_the_box_and_on_the_pages(
    editions: dict[str, Path], country: str, numbers: list[str]
) -> None:
    site = editions[country]
    box = box_of(site / "index.html")
    assert slots(box)[:2] == ["emergency", "crisis"]
    assert tel(box)[:2] == numbers
    crisis = crisis_list(site / "threatened" / "look-after-yourself" / "index.html")
    links = [anchor["href"] for anchor in crisis.select("a[href^='tel:']")]
    assert numbers[1] in links and numbers[0] in links
    assert "112" not in crisis.get_text() or country == "GB"
    for page in ("friends", "leave-quickly", "parents", "about", "threatened/report-to-police"):
        text = page_soup(site / page / "index.html").select_one("article").get_text()
        assert "116 111" not in text and "in Europe" not in text, page


def test_the_belgian_crisis_section_names_the_crisis_line_and_112_in_place(site: Path) -> None:
    for language in ("", "fr/", "nl/", "ar/"):
        page = site / f"{language}threatened/look-after-yourself/index.html"
        crisis = crisis_list(page)
        links = [anchor["href"] for anchor in crisis.select("a[href^='tel:']")]
        assert "tel:112" in links, page
        assert set(links) & set(tel(box_of(page))[1:2]), f"{page}: the crisis line of the box is not in the text"
        assert not crisis.select('a[href*="#crisis"]'), page


def test_a_gap_is_told_to_polish_readers_with_the_emergency_number(editions: dict[str, Path]) -> None:
    site = editions["PL"]
    box = box_of(site / "index.html")
    assert slots(box) == ["emergency", "crisis", "helpline"]
    [gap] = box.select(".shk-helpbox__gap")
    assert "Polska" in gap.get_text() and gap.select_one("a[href='tel:112']")
    assert "policj" in gap.get_text()
    log = (site / ".build-log").read_text(encoding="utf-8")
    assert "help box: PL (Poland): no police reporting channel" in log


def test_an_international_edition_names_no_number_and_asks_for_a_country(editions: dict[str, Path]) -> None:
    site = editions["INT"]
    for path in (site / "index.html", site / "ar" / "index.html"):
        box = box_of(path)
        assert not box.select("a[href^='tel:']"), path
        assert box.select_one("p.shk-helpbox__more a[href]"), path
    crisis = crisis_list(site / "threatened" / "look-after-yourself" / "index.html")
    assert not crisis.select("a[href^='tel:']")
    assert "your country's emergency number" in crisis.get_text()


def _french_and_arabic_pages(site: Path) -> list[Path]:
    return [
        site / language / page
        for language in ("fr", "ar")
        for page in ("index.html", "directory/index.html", "directory/western-europe/index.html")
    ]


def test_no_english_reader_text_on_french_and_arabic_pages(site: Path) -> None:
    english_notes = yaml.safe_load((ROOT / "data" / "notes" / "en.yml").read_text(encoding="utf-8"))["channels"]
    english = yaml.safe_load((ROOT / "data" / "strings" / "en.yml").read_text(encoding="utf-8"))
    words = [english["hours"][key] for key in ("always", "unknown", "every_day")]
    words += [english["reach"][key] for key in ("text", "form")] + ["Mon", "Tue", " AM", " PM"]
    for path in _french_and_arabic_pages(site):
        text = page_soup(path).select_one("article").get_text(" ")
        found = [word for word in words if re.search(rf"\b{re.escape(word.strip())}\b", text)]
        assert not found, f"{path}: {found}"
        notes = [note for note in english_notes.values() if note in text]
        assert not notes, f"{path}: English notes {notes[:2]}"


def test_hours_are_said_in_each_pages_language(site: Path) -> None:
    strings = {
        language: yaml.safe_load((ROOT / "data" / "strings" / f"{language}.yml").read_text(encoding="utf-8"))
        for language in ("fr", "nl", "ar")
    }
    for language, table in strings.items():
        box = box_of(site / language / "index.html")
        when = [p.get_text() for p in box.select(".shk-helpbox__when")]
        assert table["hours"]["always"] in when, language
        region = page_soup(site / language / "directory" / "western-europe" / "index.html").get_text(" ")
        # Weekday names of CLDR in the page's language, e.g. "lun." in French.
        assert {"fr": "lun.", "nl": "ma", "ar": "الاثنين"}[language] in region, language


def test_names_and_numbers_keep_their_order_in_arabic(site: Path) -> None:
    box = box_of(site / "ar" / "index.html")
    assert box.find_parent("html")["dir"] == "rtl" if box.find_parent("html") else True
    for anchor in box.select(".shk-reach--call a"):
        assert anchor.bdi["dir"] == "ltr"
    for name in box.select(".shk-helpbox__name"):
        assert name.name == "bdi"


def test_tap_targets_are_44_by_44_at_360_px(page, served: str) -> None:
    for address in ("fr/", "ar/threatened/look-after-yourself/", "directory/"):
        page.goto(served + address)
        links = page.locator("aside[data-shk=helpbox] .shk-reach a")
        assert links.count() >= 4, address
        for index in range(links.count()):
            box = links.nth(index).bounding_box()
            assert box["width"] >= 44 and box["height"] >= 44, (address, links.nth(index).inner_text(), box)


def _without_emergency(project: Path, country: str) -> None:
    data = project / "data" / "reporting-channels.csv"
    rows = list(csv.reader(io.StringIO(data.read_text(encoding="utf-8"))))
    kept = [row for row in rows if not (row[1] == country and row[2] == "emergency")]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(kept)
    data.write_text(out.getvalue(), encoding="utf-8")


def test_a_missing_emergency_number_stops_the_build_naming_the_country(tmp_path: Path, builds: None) -> None:
    project = copy_project(tmp_path / "kit")
    _without_emergency(project, "BE")
    result = build_site(tmp_path / "out", project=project, env={"SITE_LANGUAGES": "en"}, check=False)
    assert result.returncode != 0
    assert "home country BE (Belgium): no emergency number" in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_build_for_publication_stops_on_a_gap_until_it_is_acknowledged(tmp_path: Path, builds: None) -> None:
    project = copy_project(tmp_path / "kit")
    env = {
        "SITE_COUNTRY": "PL",
        "SITE_LANGUAGES": "pl",
        "SITE_FOR_PUBLICATION": "1",
        "SITE_URL": "https://help.example.org/",
    }
    refused = build_site(tmp_path / "refused", project=project, env=env, check=False)
    assert refused.returncode != 0
    assert "PL (Poland): no police reporting channel" in refused.stderr
    assert "acknowledged with 'police' in mkdocs.yml: extra.helpbox_gaps_acknowledged" in refused.stderr
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  generator: false\n", "  generator: false\n  helpbox_gaps_acknowledged: [police]\n")
    )
    build_site(tmp_path / "published", project=project, env=env)
    assert (tmp_path / "published" / "index.html").exists()
    shutil.rmtree(tmp_path / "published")
