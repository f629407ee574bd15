"""The real site, built as `make site` builds it: every page in every language, and its links."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, build_site, copy_project, page_soup, site_pages

RTL = {"ar", "fa", "he", "ur"}


def source_pages() -> list[str]:
    """Every Markdown page of the English source, as a path below docs/en/."""
    return sorted(str(path.relative_to(ROOT / "docs" / "en")) for path in (ROOT / "docs" / "en").rglob("*.md"))


def built_path(site: Path, language: str, source: str) -> Path:
    prefix = site if language == LANGUAGES[0] else site / language
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return prefix / stem.removesuffix("index") / "index.html"
    return prefix / stem / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return page_soup(path)


def test_the_build_logs_no_warning(site: Path) -> None:
    log = (site / ".build-log").read_text(encoding="utf-8")
    assert "WARNING" not in log, log


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("source", [*source_pages(), "directory.md", "report-on-apps.md"])
def test_every_page_exists_with_its_language_and_direction(site: Path, language: str, source: str) -> None:
    path = built_path(site, language, source)
    assert path.is_file(), f"{source} was not built in {language}: {path} is missing"
    html = soup(path).html
    assert html["lang"] == language
    assert html["dir"] == ("rtl" if language in RTL else "ltr")
    assert soup(path).body["dir"] == html["dir"]


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_every_page_is_translated_not_a_fallback(language: str) -> None:
    """static-i18n would silently serve the English file; each page has its own translated file."""
    missing = [source for source in source_pages() if not (ROOT / "docs" / language / source).is_file()]
    assert missing == [], f"docs/{language}/ lacks {missing}"


def test_every_language_switcher_link_points_to_an_existing_page(site: Path) -> None:
    checked = 0
    for path in site_pages(site):
        page_url = "/" + str(path.relative_to(site)).removesuffix("index.html")
        links = soup(path).select("[data-md-component=header] .md-select__link, .md-select__list a[hreflang]")
        assert len(links) == len(LANGUAGES), f"{page_url}: {len(links)} switcher links"
        for anchor in links:
            target = urlsplit(urljoin(page_url, anchor["href"])).path
            target_file = (
                site / target.lstrip("/") / "index.html" if target.endswith("/") else site / target.lstrip("/")
            )
            assert target_file.is_file(), f"{page_url}: switcher link {anchor['href']} -> {target} does not exist"
            checked += 1
    assert checked >= 2 * len(LANGUAGES) * len(source_pages())


def test_the_switcher_keeps_the_reader_on_the_same_page(site: Path) -> None:
    page = soup(built_path(site, "en", "threatened/keep-evidence.md"))
    targets = {a["hreflang"]: a["href"] for a in page.select(".md-select__list a[hreflang]")}
    assert targets["fr"].rstrip("/").endswith("fr/threatened/keep-evidence")


def test_site_names_and_descriptions_are_per_language(site: Path) -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    french = next(lang for lang in config["plugins"][1]["i18n"]["languages"] if lang["locale"] == "fr")
    home_fr = soup(built_path(site, "fr", "index.md"))
    assert french["site_name"] in home_fr.title.get_text()
    home_en = soup(built_path(site, "en", "index.md"))
    assert config["site_name"] in home_en.title.get_text()


def test_navigation_titles_are_translated(site: Path) -> None:
    nav_fr = soup(built_path(site, "fr", "threatened/stop.md")).select_one("nav.md-nav--primary").get_text(" ")
    assert "Quelqu'un me menace" in nav_fr
    assert "I'm being threatened" not in nav_fr


def test_system_fonts_only_and_own_logo(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home
    assert (site / "assets" / "images" / "logo.svg").is_file()
    assert re.search(r'<link rel="icon" href="[^"]*favicon\.svg"', home)


def test_no_instant_navigation(site: Path) -> None:
    assert '"navigation.instant"' not in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.usefixtures("builds")
def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    """`make site` builds into a fresh folder beside site/ and swaps only when the whole build succeeded."""
    import os
    import subprocess
    import sys

    project = copy_project(tmp_path / "kit")
    venv = Path(sys.executable).parent.parent
    # This venv as it is: -o keeps make from installing the copy's helpkit into it (the stamp would
    # be older than the copy's pyproject.toml whenever the project's was edited since).
    make = ["make", "--no-print-directory", "-o", f"{venv}/.runtime-installed", "site", f"VENV={venv}"]
    first = subprocess.run(make, cwd=project, capture_output=True, text=True, env={**os.environ})
    assert first.returncode == 0, first.stderr[-3000:]
    site = project / "site"

    def files() -> dict[str, bytes]:
        return {str(path.relative_to(site)): path.read_bytes() for path in site.rglob("*") if path.is_file()}

    before = files()
    # A broken link in a French page fails the build after the English pages were written.
    french = project / "docs" / "fr" / "friends.md"
    french.write_text(french.read_text(encoding="utf-8") + "\n[perdu](pas-de-page.md)\n", encoding="utf-8")
    second = subprocess.run(make, cwd=project, capture_output=True, text=True, env={**os.environ})
    assert second.returncode != 0
    assert "pas-de-page.md" in second.stderr
    assert files() == before  # every file byte for byte, none added or removed
    assert "site/ is unchanged" in second.stderr
    assert not list(project.glob(".site.building-*"))


@pytest.mark.usefixtures("builds")
def test_strict_link_validation_fails_a_broken_link(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "kit")
    page = project / "docs" / "en" / "friends.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[gone](no-such-page.md)\n", encoding="utf-8")
    result = build_site(tmp_path / "out", project=project, check=False)
    assert result.returncode != 0
    assert "no-such-page.md" in result.stderr


def test_every_page_names_the_licences_of_its_text_and_data(site: Path) -> None:
    pages = site_pages(site)
    for path in pages:
        links = soup(path).select(".md-copyright__licence a[rel~=license]")
        assert [link["href"] for link in links] == [
            "https://creativecommons.org/licenses/by-sa/4.0/legalcode",
            "https://creativecommons.org/licenses/by/4.0/legalcode",
        ], path
    assert len(pages) > 200


def test_the_open_data_names_its_licence(site: Path) -> None:
    import json

    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert [licence["name"] for licence in package["licenses"]] == ["CC-BY-4.0"]
    assert {resource["path"] for resource in package["resources"]} == {
        "reporting-channels.csv",
        "reporting-channels.json",
    }
    for resource in package["resources"]:
        assert (site / "data" / resource["path"]).is_file()
    document = json.loads((site / "data" / "reporting-channels.json").read_text(encoding="utf-8"))
    assert document["license"]["name"] == "CC-BY-4.0"


@pytest.mark.usefixtures("builds")
def test_make_publish_refuses_to_publish_without_the_sites_address(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    project = copy_project(tmp_path / "kit")
    venv = Path(sys.executable).parent.parent
    environ = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "SITE_FOR_PUBLICATION")}
    make = ["make", "--no-print-directory", "-o", f"{venv}/.runtime-installed", "publish", f"VENV={venv}"]
    result = subprocess.run(make, cwd=project, capture_output=True, text=True, env={**environ, "SITE_LANGUAGES": "en"})
    assert result.returncode != 0
    assert (
        "SITE_FOR_PUBLICATION=1" in result.stderr
        and "expected the address the site will be published at" in result.stderr
    )
    assert not (project / "site").exists()
    # With it, the same command publishes, and the sitemap gives every page's full address.
    published = subprocess.run(
        make,
        cwd=project,
        capture_output=True,
        text=True,
        env={**environ, "SITE_LANGUAGES": "en,fr", "SITE_URL": "https://help.example.org/"},
    )
    assert published.returncode == 0, published.stderr[-3000:]
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    addresses = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert addresses and all(address.startswith("https://help.example.org/") for address in addresses)
    assert "https://help.example.org/fr/threatened/" in sitemap
