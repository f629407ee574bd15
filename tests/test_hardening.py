"""Hostile and careless input, tried the way an attacker or a tired editor would: strings files,
settings, pages and data. Each either comes out escaped or stops the build with a message that
names the file and what was expected."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, build_site, copy_project, site_pages
from helpkit.i18n.strings import printed_by_theme
from helpkit.page.scan import scan

TWO_LANGUAGES = {"SITE_LANGUAGES": "en,fr"}
# Breaks out of an attribute or a YAML scalar if anything on its way is not escaped.
ATTRIBUTE_BREAKER = 'x" onmouseover="window.pwned=1" data-x=\' & 3 < 4 # :'
THEME_SAFE = "L'aide : #1 & 3 – ok"


def flat(tree: dict, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            out.update(flat(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def nested(table: dict[str, str]) -> dict:
    tree: dict = {}
    for key, value in table.items():
        *parents, leaf = key.split(".")
        node = tree
        for parent in parents:
            node = node.setdefault(parent, {})
        node[leaf] = value
    return tree


def rewrite_strings(project: Path, language: str, value: object) -> list[str]:
    path = project / "data" / "strings" / f"{language}.yml"
    table = flat(yaml.safe_load(path.read_text(encoding="utf-8")))
    changed = {key: value(key) if callable(value) else value for key in table}
    path.write_text(yaml.safe_dump(nested(changed), allow_unicode=True), encoding="utf-8")
    return sorted(table)


def placeholders_of(key: str) -> str:
    """The {placeholders} the English text of ``key`` holds, which every translation must keep."""
    english = flat(yaml.safe_load((ROOT / "data" / "strings" / "en.yml").read_text(encoding="utf-8")))
    return "".join(re.findall(r"\{[a-z_]+\}", str(english.get(key, ""))))


def failed(result) -> str:
    assert result.returncode == 1, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "kit")


@pytest.mark.usefixtures("builds")
def test_markup_in_any_string_key_stops_the_build_naming_every_key(project: Path, tmp_path: Path) -> None:
    keys = rewrite_strings(project, "fr", "<script>alert(1)</script>")
    out = tmp_path / "out"
    log = failed(build_site(out, project=project, env=TWO_LANGUAGES, check=False))
    assert f"{len(keys)} problems in the interface strings:" in log
    for key in keys:
        assert f"data/strings/fr.yml: {key}: '<script>alert(1)</script>': expected " in log
    assert not out.exists() or not any(out.rglob("*.html"))


def test_a_string_that_breaks_attributes_and_yaml_is_escaped_everywhere_it_lands(
    project: Path, tmp_path: Path, browser
) -> None:
    rewrite_strings(
        project, "fr", lambda key: THEME_SAFE if printed_by_theme(key) else ATTRIBUTE_BREAKER + placeholders_of(key)
    )
    site = tmp_path / "out"
    build_site(site, project=project, env=TWO_LANGUAGES)
    pages = [path for path in site_pages(site) if path.is_relative_to(site / "fr")] + [site / "fr" / "404.html"]
    seen = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        for tag in scan(html).tags:
            assert not any(name.startswith("on") for name, _ in tag.attributes), (path, tag)
            seen += sum(ATTRIBUTE_BREAKER in value for _, value in tag.attributes)
    assert seen > len(pages), "the hostile text should reach attributes (quick exit, labels) as text"
    directory = (site / "fr" / "directory" / "index.html").read_text(encoding="utf-8")
    # The title went through generated front matter (YAML) and Markdown and came out as written.
    assert "<title>L'aide : #1 & 3 – ok - " in directory
    assert '<h1 id="laide-1-3-ok">L\'aide : #1 &amp; 3 – ok</h1>' in directory
    assert '<meta name="description" content="L\'aide : #1 & 3 – ok">' in directory

    context = browser.new_context()
    page = context.new_page()
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran: {dialog.message}"))
    page.goto((site / "fr" / "directory" / "index.html").as_uri())
    page.hover(".shk-exit__button")
    page.mouse.move(10, 300)
    assert page.evaluate("window.pwned") is None
    assert page.get_attribute("[data-shk=quick-exit]", "data-first") == ATTRIBUTE_BREAKER
    assert page.title().startswith("L'aide : #1 & 3 – ok")
    context.close()


def set_yaml_line(project: Path, start: str, line: str) -> None:
    path = project / "mkdocs.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(number for number, text in enumerate(lines) if text.startswith(start))
    lines[index] = line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.usefixtures("builds")
def test_markup_in_settings_and_the_language_list_stops_the_build_listing_all(project: Path, tmp_path: Path) -> None:
    set_yaml_line(project, "  organisation:", "  organisation: <script>alert(1)</script>")
    set_yaml_line(project, "copyright:", "copyright: '<img src=x onerror=alert(1)>'")
    set_yaml_line(project, "          site_name: Kit d'aide", "          site_name: Kit <script>alert(1)</script>")
    set_yaml_line(project, "            About this site: À propos", '            About this site: "À <b>propos</b>"')
    set_yaml_line(project, "  contact:", "  contact: javascript:alert(1)")
    log = failed(build_site(tmp_path / "out", project=project, env=TWO_LANGUAGES, check=False))
    assert "5 problems in the edition settings:" in log
    for expected in (
        "mkdocs.yml: extra.organisation: '<script>alert(1)</script>': expected text without <, > or \"",
        "mkdocs.yml: extra.contact: 'javascript:alert(1)': expected an https:// address",
        "mkdocs.yml: copyright: '<img src=x onerror=alert(1)>': expected text without <, > or \"",
        "mkdocs.yml: plugins: i18n: languages[1] (fr): site_name: 'Kit <script>alert(1)</script>': expected",
        "mkdocs.yml: plugins: i18n: languages[1] (fr): nav_translations: About this site: 'À <b>propos</b>'",
    ):
        assert expected in log


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("<script>alert(1)</script>", "docs/fr/privacy.md: an inline script the theme did not write"),
        ('<img src="https://tracker.example/p.gif" alt="">', "docs/fr/privacy.md: <img src='https://tracker"),
        ("<a href='javascript:alert(1)'>x</a>", "docs/fr/privacy.md: <a href='javascript:alert(1)'>: expected"),
        ('<p onclick="alert(1)">x</p>', "docs/fr/privacy.md: <p onclick=…>: an event-handler attribute"),
        ('<iframe src="https://video.example/"></iframe>', "docs/fr/privacy.md: a <iframe> element"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "docs/fr/privacy.md: <meta http-equiv"),
    ],
)
@pytest.mark.usefixtures("builds")
def test_a_page_that_runs_embeds_or_loads_anything_else_fails_naming_its_file(
    project: Path, tmp_path: Path, markdown: str, expected: str
) -> None:
    page = project / "docs" / "fr" / "privacy.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n{markdown}\n", encoding="utf-8")
    log = failed(build_site(tmp_path / "out", project=project, env=TWO_LANGUAGES, check=False))
    assert "in the pages (only the theme's own scripts may run" in log
    assert expected in log


@pytest.mark.usefixtures("builds")
def test_every_problem_in_every_page_and_language_is_listed_at_once(project: Path, tmp_path: Path) -> None:
    for language in ("en", "fr"):
        for name in ("privacy.md", "about.md"):
            page = project / "docs" / language / name
            page.write_text(page.read_text(encoding="utf-8") + "\n\n<script>alert(1)</script>\n", encoding="utf-8")
    log = failed(build_site(tmp_path / "out", project=project, env=TWO_LANGUAGES, check=False))
    assert "4 problems in the pages" in log
    for source in ("docs/en/privacy.md", "docs/en/about.md", "docs/fr/privacy.md", "docs/fr/about.md"):
        assert f"{source}: an inline script the theme did not write" in log


@pytest.mark.usefixtures("builds")
def test_outbound_links_written_any_way_get_noopener_noreferrer(project: Path, tmp_path: Path) -> None:
    page = project / "docs" / "fr" / "privacy.md"
    links = "<a href='https://one.example/'>1</a> <a href=https://two.example/>2</a>"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n<p>{links}</p>\n", encoding="utf-8")
    site = tmp_path / "out"
    build_site(site, project=project, env=TWO_LANGUAGES)
    tags = scan((site / "fr" / "privacy" / "index.html").read_text(encoding="utf-8")).tags
    found = {tag.get("href"): (tag.get("rel") or "").split() for tag in tags if tag.name == "a"}
    for href in ("https://one.example/", "https://two.example/"):
        assert {"noopener", "noreferrer"} <= set(found[href])


@pytest.mark.usefixtures("builds")
def test_front_matter_that_does_not_parse_fails_naming_the_file_and_line(project: Path, tmp_path: Path) -> None:
    page = project / "docs" / "fr" / "about.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    page.write_text("---\ntitle: 'L'aide'\n" + text.removeprefix("---\n"), encoding="utf-8")
    log = failed(build_site(tmp_path / "out", project=project, env=TWO_LANGUAGES, check=False))
    assert "docs/fr/about.md: line 2: front matter is not valid YAML (" in log


@pytest.mark.usefixtures("builds")
def test_a_header_only_data_file_stops_the_build(project: Path, tmp_path: Path) -> None:
    data = project / "data" / "reporting-channels.csv"
    data.write_text(data.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    log = failed(build_site(tmp_path / "out", project=project, env=TWO_LANGUAGES, check=False))
    assert "data/reporting-channels.csv" in log
    assert "expected one of ," not in log and "expected one of  " not in log


@pytest.mark.parametrize("how", ["missing", "directory"])
@pytest.mark.usefixtures("builds")
def test_an_unreadable_data_file_is_a_message_not_a_traceback(project: Path, tmp_path: Path, how: str) -> None:
    data = project / "data" / "reporting-channels.csv"
    data.unlink()
    if how == "directory":
        data.mkdir()
    log = failed(build_site(tmp_path / "out", project=project, env=TWO_LANGUAGES, check=False))
    assert "data/reporting-channels.csv: cannot read the reporting-channel data (" in log
    assert "expected a CSV file there (data/README.md describes it)" in log


@pytest.mark.usefixtures("builds")
def test_an_edition_without_channels_for_its_help_box_does_not_build(project: Path, tmp_path: Path) -> None:
    data = project / "data" / "reporting-channels.csv"
    rows = data.read_text(encoding="utf-8").splitlines()
    data.write_text("\n".join(row for row in rows if row.split(",")[1:2] != ["INT"]) + "\n", encoding="utf-8")
    log = failed(build_site(tmp_path / "out", project=project, env={**TWO_LANGUAGES, "SITE_COUNTRY": ""}, check=False))
    assert "an international edition (extra.country empty) shows the rows of country INT" in log


@pytest.mark.usefixtures("builds")
def test_site_languages_without_a_language_is_a_message(tmp_path: Path) -> None:
    log = failed(build_site(tmp_path / "out", env={"SITE_LANGUAGES": ","}, check=False))
    assert "environment variable SITE_LANGUAGES: ',': expected language codes separated by commas" in log


@pytest.mark.usefixtures("builds")
def test_a_yaml_error_in_a_strings_file_is_one_message_with_its_line(project: Path, tmp_path: Path) -> None:
    path = project / "data" / "strings" / "en.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  label: Leave this site", "  label: [Leave"), encoding="utf-8"
    )
    log = failed(build_site(tmp_path / "out", project=project, env=TWO_LANGUAGES, check=False))
    assert "1 problem in the interface strings:" in log
    assert "data/strings/en.yml:5: not valid YAML (" in log or "data/strings/en.yml:4: not valid YAML (" in log


def test_the_404_page_speaks_every_language_with_quick_exit_and_help_box(site: Path) -> None:
    folder = Path(__file__).parent.parent / "data" / "strings"
    titles = {
        language: yaml.safe_load((folder / f"{language}.yml").read_text(encoding="utf-8"))["not_found"]["title"]
        for language in ("en", "fr", "ar")
    }
    for language, path in (
        ("en", site / "404.html"),
        ("fr", site / "fr" / "404.html"),
        ("ar", site / "ar" / "404.html"),
    ):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        root = "/" if language == "en" else f"/{language}/"
        assert page.html["lang"] == language
        assert page.h1.get_text() == titles[language]
        assert page.select_one(".shk-not-found__home a")["href"] == root
        assert page.select_one("body > :first-child")["data-shk"] == "quick-exit"
        assert page.select_one(".shk-helpbox__more a")["href"] == f"{root}directory/"
        assert page.select(".shk-helpbox__item a[href^='tel:']")


@pytest.mark.usefixtures("builds")
def test_a_page_refused_after_its_files_were_written_publishes_nothing(project: Path, tmp_path: Path) -> None:
    """The page checks run once every page is written; `make site`'s publisher keeps the old site."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the old site", encoding="utf-8")
    page = project / "docs" / "fr" / "privacy.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n<script>alert(1)</script>\n", encoding="utf-8")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "{}"]
    result = subprocess.run(
        [sys.executable, "-m", "helpkit", "publish", "site", str(site), "--", *mkdocs],
        cwd=project,
        env={**os.environ, **TWO_LANGUAGES, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "docs/fr/privacy.md: an inline script the theme did not write" in result.stderr
    assert "site/ is unchanged" in result.stderr
    assert [path.name for path in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the old site"
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".site.building-")] == []
