"""Editions built from one checkout: the home country fills the help box and leads the directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, copy_project, page_soup, site_pages


def soup(path: Path) -> BeautifulSoup:
    return page_soup(path)


@pytest.fixture(scope="module")
def international(tmp_path_factory: pytest.TempPathFactory, builds: None) -> Path:
    dest = tmp_path_factory.mktemp("international")
    build_site(dest, env={"SITE_COUNTRY": ""})
    return dest


@pytest.fixture(scope="module")
def france(tmp_path_factory: pytest.TempPathFactory, builds: None) -> Path:
    dest = tmp_path_factory.mktemp("fr-edition")
    build_site(dest, env={"SITE_COUNTRY": "fr", "SITE_LANGUAGES": "fr"})
    return dest


def test_the_default_edition_puts_belgium_first(site: Path) -> None:
    directory = soup(site / "directory" / "index.html")
    sections = [section["id"] for section in directory.select("section.shk-country")]
    assert sections[0] == "country-be"
    assert sections[-1] == "country-int"
    for path in site_pages(site):
        box = soup(path).select_one("aside[data-shk=helpbox]")
        assert box.select_one('a[href="tel:112"]') and box.select_one('a[href="tel:116000"]'), path


def test_an_international_edition_shows_international_services_and_the_directory(international: Path) -> None:
    directory = soup(international / "directory" / "index.html")
    assert [section["id"] for section in directory.select("section.shk-country")] == ["country-int"]
    index = [link.get_text() for link in directory.select(".shk-country-index a")]
    assert index[:3] == ["Australia", "Austria", "Belgium"]
    assert directory.select_one('.shk-country-index a[href="australasia/#country-au"]')
    for path in site_pages(international):
        box = soup(path).select_one("aside[data-shk=helpbox]")
        assert "stopncii.org" in str(box) and "takeitdown" in str(box), path
        assert box.select_one("p.shk-helpbox__more a[href]"), path
        assert not box.select_one('a[href^="tel:"]'), path


def test_a_one_language_french_edition(france: Path) -> None:
    assert not (france / "fr").exists()
    home = soup(france / "index.html")
    assert home.html["lang"] == "fr"
    box = home.select_one("aside[data-shk=helpbox]")
    assert "France" in box.h2.get_text()
    directory = soup(france / "directory" / "index.html")
    assert directory.select("section.shk-country")[0]["id"] == "country-fr"
    # French collation: Allemagne before Autriche before Belgique, the home country first.
    names = [link.get_text() for link in directory.select(".shk-country-index a")[:4]]
    assert names == ["France", "Allemagne", "Australie", "Autriche"]
    region = soup(france / "directory" / "western-europe" / "index.html")
    assert region.h1.get_text() == "Europe de l’Ouest"
    assert [section.h2.get_text() for section in region.select("section.shk-country")][:3] == [
        "Allemagne",
        "Autriche",
        "Belgique",
    ]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SITE_COUNTRY": "XY"}, "environment variable SITE_COUNTRY: 'XY': expected an ISO 3166-1 alpha-2"),
        ({"SITE_COUNTRY": "JP"}, "home country 'JP' (extra.country or SITE_COUNTRY) has no rows"),
        ({"SITE_LANGUAGES": "en,xx"}, "environment variable SITE_LANGUAGES: 'xx': expected languages"),
    ],
)
@pytest.mark.usefixtures("builds")
def test_a_wrong_setting_stops_the_build_with_a_clear_message(tmp_path: Path, env: dict, message: str) -> None:
    result = build_site(tmp_path / "out", env=env, check=False)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_the_directory_is_published_as_open_data(site: Path) -> None:
    import csv
    import json

    folder = site / "data"
    rows = list(csv.DictReader((folder / "reporting-channels.csv").read_text(encoding="utf-8-sig").splitlines()))
    document = json.loads((folder / "reporting-channels.json").read_text(encoding="utf-8"))
    schema = json.loads((folder / "reporting-channels.schema.json").read_text(encoding="utf-8"))
    assert len(document["rows"]) == len(rows) > 100
    # The CSV's columns, then what the build adds: each row's time zone and its note in every language.
    assert document["columns"] == [field["name"] for field in schema["fields"]] + ["time_zone", "notes"]
    links = soup(site / "fr" / "directory" / "index.html").select(".shk-open-data a")
    assert [link["href"] for link in links] == [
        "../../data/reporting-channels.csv",
        "../../data/reporting-channels.json",
        "../../data/reporting-channels.schema.json",
    ]


def test_a_directory_saved_by_excel_with_semicolons_is_built_and_published_with_commas(
    tmp_path: Path, builds: None
) -> None:
    import csv
    import io

    # An edition's spreadsheet saved as Excel's "CSV UTF-8" does in a ';' locale: BOM, ';', CRLF.
    project = copy_project(tmp_path / "kit")
    source = project / "data" / "reporting-channels.csv"
    rows = list(csv.reader(io.StringIO(source.read_text(encoding="utf-8"), newline="")))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    source.write_bytes(out.getvalue().encode("utf-8-sig"))
    site = tmp_path / "site"
    build_site(site, project=project, env={"SITE_LANGUAGES": "en"})
    published = (site / "data" / "reporting-channels.csv").read_bytes()
    # What the data package promises: UTF-8 without a BOM, commas; the same cells.
    assert not published.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(published.decode("utf-8"), newline=""))) == rows
    assert soup(site / "directory" / "index.html").select_one("#country-be")


def test_a_build_for_publication_needs_an_address_and_then_writes_absolute_ones(tmp_path: Path, builds: None) -> None:
    import re

    env = {"SITE_LANGUAGES": "en,fr", "SITE_FOR_PUBLICATION": "1"}
    refused = build_site(tmp_path / "refused", env=env, check=False)
    assert refused.returncode != 0
    assert "mkdocs.yml: site_url: '': expected the address the site will be published at" in refused.stderr
    assert not (tmp_path / "refused" / "index.html").exists()
    # The workflows pass the address their host gives them.
    site = tmp_path / "published"
    build_site(site, env={**env, "SITE_URL": "https://help.example.org/kit"})
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    addresses = re.findall(r'<loc>([^<]*)</loc>|href="([^"]*)"', sitemap)
    assert len(addresses) > 40
    assert all(url.startswith("https://help.example.org/kit/") for pair in addresses for url in pair if url)
    assert '<xhtml:link rel="alternate" hreflang="fr" href="https://help.example.org/kit/fr/threatened/"/>' in sitemap
    # Every page built is listed, those the build makes from data too, each with its languages.
    listed = set(re.findall(r"<loc>https://help.example.org/kit/([^<]*)</loc>", sitemap))
    built = {
        str(path.parent.relative_to(site)).replace(".", "") + "/"
        for path in site.rglob("index.html")
        if "search" not in path.parts
    }
    assert listed == {address.lstrip("/") for address in built} and len(listed) > 70
    assert '<xhtml:link rel="alternate" hreflang="fr" href="https://help.example.org/kit/fr/directory/"/>' in sitemap
    canonical = soup(site / "fr" / "threatened" / "index.html").select_one("link[rel=canonical]")
    assert canonical["href"] == "https://help.example.org/kit/fr/threatened/"
