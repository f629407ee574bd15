"""The platforms' help pages: the real data and its notes, every kind of bad cell the parser must
explain, the rendered page, and the page as the real build makes it in English, French and Arabic."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, build_site, copy_project
from helpkit.datatable import TableError
from helpkit.directory.notes import NotesError, load_notes
from helpkit.i18n.strings import Strings
from helpkit.platforms.pages import (
    LIMITS,
    load_platforms,
    parse_platforms,
    platforms,
    purposes,
)
from helpkit.platforms.render import REPORT_LINES, render_report_page

TODAY = date(2026, 1, 1)
PATH = "data/p.csv"
COLUMNS = ("id", "platform", "purpose", "url", "source", "verified", "remarks")
GOOD = {
    "id": "instagram-threats",
    "platform": "Instagram",
    "purpose": "sextortion_guide",
    "url": "https://help.instagram.com/616583228400289",
    "source": "https://help.instagram.com/616583228400289",
    "verified": "",
    "remarks": "",
}
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def csv_of(*rows: Mapping[str, str]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**GOOD, **row})
    return out.getvalue().encode()


def problems_of(data: bytes) -> list[str]:
    with pytest.raises(TableError) as caught:
        parse_platforms(data, path=PATH, today=TODAY)
    return [str(problem) for problem in caught.value.problems]


def flat(tree: Mapping, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in tree.items():
        if isinstance(value, Mapping):
            out.update(flat(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def strings_of(language: str) -> Strings:
    """A language's strings as the build reads them (read here without the all-keys check, which
    test_strings owns, so that these tests speak about the platforms' keys alone)."""
    path = ROOT / "data" / "strings" / f"{language}.yml"
    return Strings(language, flat(yaml.safe_load(path.read_text(encoding="utf-8"))))


# --- The real data ------------------------------------------------------------------------------


def test_the_real_file_loads_with_https_links_and_a_note_in_every_language() -> None:
    table = load_platforms(ROOT / "data" / "platforms.csv", today=date.today(), name="data/platforms.csv")
    assert len(table.pages) >= 10
    assert all(urlsplit(page.url).scheme == "https" for page in table.pages)
    assert len(table.ids) == len(table.pages)
    notes = load_notes(ROOT / "data" / "notes", section="platforms", languages=LANGUAGES, ids=table.ids)
    assert all(set(notes[language]) == set(table.ids) for language in LANGUAGES)


def test_the_real_file_leaves_out_what_has_no_official_page_read() -> None:
    table = load_platforms(ROOT / "data" / "platforms.csv", today=date.today())
    hosts = {urlsplit(page.url).hostname for page in table.pages}
    sources = {urlsplit(page.source).hostname for page in table.pages}
    # Proxies, secondary how-tos, the closed Omegle, the http-only Bing tool and the unverified
    # Microsoft form address are not the platforms' own pages.
    for host in ("altt.me", "i777777o74696b746f6bo636f6dz.oszar.com", "kollinsjeans.ru", "hive.blog.", "360doc.cn"):
        assert host not in sources
    assert not {"www.bing.com", "www.microsoft.com", "telegram.org", "takeitdown.ncmec.org"} & hosts
    assert not any(page.verified for page in table.pages), "nobody has checked the live pages yet"


def test_the_schema_lists_platforms_in_page_order_and_every_purpose() -> None:
    assert platforms()[:4] == ("Instagram", "Facebook", "Messenger", "WhatsApp")
    assert platforms()[-2:] == ("Google Search", "Bing")
    assert purposes() == ("report_account", "report_content", "block", "sextortion_guide", "remove_from_search")


# --- Every bad value, named by row and column ---------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("id", "Instagram Threats", "expected an id of lower-case letters and digits, words joined by single hyphens"),
        ("id", "instagram--threats", "expected an id of lower-case letters and digits"),
        ("id", "", "expected a value; this column is required"),
        ("platform", "Myspace", "expected one of: Instagram, Facebook, Messenger, WhatsApp, Snapchat"),
        ("purpose", "report", "expected one of: report_account, report_content, block, sextortion_guide"),
        ("purpose", "report_account;block", "expected one of: report_account"),
        ("url", "http://help.instagram.com/1", "expected an https:// web address"),
        ("url", "https://help.instagram.com@evil.example/", "without a user name before the host"),
        ("url", "javascript:alert(1)", "expected an https:// web address"),
        ("url", "", "expected a value; this column is required"),
        ("source", "ftp://help.instagram.com/1", "expected the http:// or https:// address of the page"),
        ("source", "https://altt.me:443/tg.php?x", "without a port"),
        ("verified", "2026-01-02", "expected a date not after today (2026-01-01)"),
        ("verified", "2025-02-30", "expected a real date as YYYY-MM-DD"),
        ("verified", "20250314", "expected a real date as YYYY-MM-DD"),
        ("remarks", "seen\u200bhere", "this cell has U+200B ZERO WIDTH SPACE"),
        ("remarks", '=HYPERLINK("https://evil.example")', "does not start with =, +, - or @"),
        ("url", "https://help.instagram.com/\u202e1", "this cell has U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("remarks", "x" * 601, "expected at most 600 characters; this cell has 601"),
    ],
)
def test_a_bad_value_is_named_by_row_column_and_what_was_expected(column: str, value: str, expected: str) -> None:
    found = problems_of(csv_of({"id": "good-row"}, {column: value}))
    assert len(found) == 1, found
    assert found[0].startswith(f"{PATH}:3:{column}: ")
    assert expected in found[0]


def test_a_duplicate_id_names_the_row_it_repeats() -> None:
    found = problems_of(csv_of({}, {"id": "other"}, {}))
    assert found == [f"{PATH}:4:id: 'instagram-threats': expected a unique id; row 2 has the same id"]


def test_every_problem_is_listed_at_once() -> None:
    data = csv_of(
        {"id": "Bad Id", "purpose": "report"},
        {"id": "fine-row"},
        {"id": "fine-row", "url": "http://example.org/", "verified": "2030-01-01"},
        {"id": "hidden", "platform": "Myspace", "remarks": "@mention\u200b"},
    )
    with pytest.raises(TableError) as caught:
        parse_platforms(data, path=PATH, today=TODAY)
    found = [(problem.row, problem.column) for problem in caught.value.problems]
    assert found == [
        (2, "id"),
        (2, "purpose"),
        (4, "url"),
        (4, "verified"),
        (4, "id"),
        (5, "platform"),
        (5, "remarks"),
    ]
    assert str(caught.value).startswith(f"7 problems in {PATH}:\n{PATH}:2:id: 'Bad Id': expected an id")


def test_a_broken_header_or_quote_is_named_and_the_other_rows_still_checked() -> None:
    # A header no delimiter splits into the columns ("id;platform;purpose" was that one until issue 19;
    # it is now read as three columns of seven, split by ';').
    assert problems_of(b"id|platform|purpose\n") == [
        f"{PATH}:1:-: 'id|platform|purpose': expected the column names as a header, separated by commas (or by "
        "semicolons or tabs, as spreadsheets also save them); none of , ; or a tab splits this line into any of "
        f"them; the header must be: {','.join(COLUMNS)}"
    ]
    header = ",".join(COLUMNS)
    found = problems_of(
        f'{header}\n"x,Instagram,block,https://a.example/,https://a.example/,,\n'
        "ok,Instagram,nothing,https://a.example/,https://a.example/,,\n".encode()
    )
    assert len(found) == 2
    assert found[0].startswith(f"{PATH}:2:id: ") and "unclosed quote" in found[0]
    assert found[1].startswith(f"{PATH}:3:purpose: 'nothing': expected one of:")


def test_a_file_over_its_limit_is_refused_unread() -> None:
    found = problems_of(b"x" * (LIMITS.max_bytes + 1))
    assert len(found) == 1 and "expected a file of at most 500,000 bytes" in found[0]


# --- Notes: one per row, in every language ------------------------------------------------------


def test_a_row_without_a_note_and_a_note_without_a_row_are_named_with_their_language(tmp_path: Path) -> None:
    table = parse_platforms(csv_of({}, {"id": "tiktok-new", "platform": "TikTok"}), path=PATH, today=TODAY)
    (tmp_path / "en.yml").write_text('platforms:\n  instagram-threats: "Help."\n  old-row: "Gone."\n')
    (tmp_path / "fr.yml").write_text('platforms:\n  instagram-threats: "Aide."\n  tiktok-new: "Nouveau."\n')
    with pytest.raises(NotesError, match=r"^2 problems in the notes:") as caught:
        load_notes(tmp_path, section="platforms", languages=["fr"], ids=table.ids)
    assert [str(problem).removeprefix(f"{tmp_path}/") for problem in caught.value.problems] == [
        "en.yml: platforms.tiktok-new: missing: expected the en note of row id 'tiktok-new' of data/platforms.csv",
        "en.yml: platforms.old-row: unknown id: no row of data/platforms.csv has it",
    ]


# --- The rendered page --------------------------------------------------------------------------


def test_hostile_strings_and_cells_come_out_as_text_and_remarks_never_show() -> None:
    table = parse_platforms(
        csv_of({"remarks": "EDITORS ONLY", "url": 'https://help.instagram.com/"><script>alert(1)</script>'}),
        path=PATH,
        today=TODAY,
    )
    hostile = Strings("en", {key: HOSTILE for key in strings_of("en").table})
    html = str(render_report_page(table, strings=hostile, notes={ident: HOSTILE for ident in table.ids}, language="en"))
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find("script") and not soup.find("img")
    assert "&lt;script&gt;" in html
    assert "EDITORS ONLY" not in html
    (anchor,) = soup.select("section a")
    assert anchor["href"] == 'https://help.instagram.com/"><script>alert(1)</script>'
    assert anchor["rel"] == ["noopener", "noreferrer"]


def test_platforms_and_purposes_keep_their_order_and_last_checked_shows_only_when_set() -> None:
    table = parse_platforms(
        csv_of(
            {"id": "g", "platform": "Google Search", "purpose": "remove_from_search", "url": "https://g.example/"},
            {"id": "i-block", "purpose": "block", "url": "https://i.example/block", "verified": "2025-03-04"},
            {"id": "i-account", "purpose": "report_account", "url": "https://i.example/account"},
        ),
        path=PATH,
        today=TODAY,
    )
    notes = {"g": "Note g.", "i-block": "Note block.", "i-account": "Note account."}
    soup = BeautifulSoup(
        str(render_report_page(table, strings=strings_of("fr"), notes=notes, language="fr")), "html.parser"
    )
    assert [section.h3.get_text() for section in soup.select("section.shk-platform")] == ["Instagram", "Google Search"]
    assert [a["href"] for a in soup.select("nav.shk-platform-index a")] == [
        "#platform-instagram",
        "#platform-google-search",
    ]
    instagram = soup.select_one("#platform-instagram")
    assert [a.get_text() for a in instagram.select("a")] == ["Signaler un compte", "Bloquer quelqu’un"]
    checked = instagram.select(".shk-platform__checked")
    assert [p.get_text() for p in checked] == ["Dernière vérification: 4 mars 2025"]
    assert "Note block." in instagram.get_text()
    assert len(soup.select("h2 + p + ul > li strong")) == len(REPORT_LINES)


# --- The page in the real build -----------------------------------------------------------------


@pytest.fixture(scope="module")
def report_site(tmp_path_factory: pytest.TempPathFactory, builds: None) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project") / "kit")
    site = tmp_path_factory.mktemp("site")
    build_site(site, project=project, env={"SITE_LANGUAGES": "en,fr,ar"})
    return site


def page_of(site: Path, language: str, page: str) -> BeautifulSoup:
    folder = site if language == "en" else site / language
    return BeautifulSoup((folder / page / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_page_is_built_in_each_language_with_https_links_and_rel(report_site: Path, language: str) -> None:
    soup = page_of(report_site, language, "report-on-apps")
    assert soup.html["lang"] == language
    article = soup.select_one("article")
    title = strings_of(language)["platforms.title"]
    assert article.h1.get_text() == title
    links = article.select("section.shk-platform a")
    assert len(links) >= 10
    for anchor in links:
        assert anchor["href"].startswith("https://"), anchor
        assert {"noopener", "noreferrer"} <= set(anchor["rel"]), anchor
    assert article.select_one("aside[data-shk=helpbox]"), "the help box ends the page"
    # The navigation names the page in the reader's language.
    assert title in soup.select_one("nav.md-nav--primary").get_text()


def test_the_french_page_shows_no_english_purpose_label(report_site: Path) -> None:
    text = page_of(report_site, "fr", "report-on-apps").select_one("article").get_text(" ")
    english = strings_of("en")
    for purpose in purposes():
        assert english[f"platforms.purposes.{purpose}"] not in text
    assert "Signaler un compte" in text


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
@pytest.mark.parametrize("page", ["threatened/block-and-report", "threatened/remove-images"])
def test_block_and_report_and_remove_images_link_to_the_page(report_site: Path, language: str, page: str) -> None:
    hrefs = [anchor["href"] for anchor in page_of(report_site, language, page).select("article a")]
    assert "../../report-on-apps/" in hrefs
