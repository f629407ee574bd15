"""A new edition made the way FORKING.md says: another country, some languages, own name and logo."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import build_site, copy_project, page_soup, site_pages

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#fff"/></svg>'


class _EnvTag(list):
    """mkdocs.yml's `!ENV [NAME, default]`, kept as it is through a load and a dump."""


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: _EnvTag(loader.construct_sequence(node)))
_Dumper.add_representer(_EnvTag, lambda dumper, data: dumper.represent_sequence("!ENV", list(data)))


def edit_settings(project: Path, **extra: str) -> None:
    """Edit mkdocs.yml as a person would: the extra: block and the language list."""
    path = project / "mkdocs.yml"
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    config["extra"].update(extra)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    i18n["languages"] = [language for language in i18n["languages"] if language["locale"] in ("en", "pl")]
    path.write_text(yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def polish_edition(tmp_path_factory: pytest.TempPathFactory, builds: None) -> Path:
    project = copy_project(tmp_path_factory.mktemp("fork") / "kit")
    edit_settings(
        project,
        country="PL",
        organisation="Fundacja Przykład",
        contact="pomoc@example.org",
        brand_colour="#5b2a86",
    )
    (project / "docs" / "assets" / "images" / "logo.svg").write_text(LOGO, encoding="utf-8")
    site = tmp_path_factory.mktemp("fork-site")
    build_site(site, project=project)
    return site


def test_the_edition_country_fills_the_help_box_on_every_page(polish_edition: Path) -> None:
    pages = site_pages(polish_edition)
    # 26 pages of content, the directory and its 7 region pages, "Report it on the app" and the guided
    # path's 5 questions, in two languages.
    assert len(pages) == 2 * (26 + 7 + 1 + 5)
    for path in pages:
        box = page_soup(path).select_one("aside[data-shk=helpbox]")
        assert box.select_one('a[href="tel:112"]') and box.select_one('a[href="tel:116111"]'), path
        assert "Pol" in box.h2.get_text(), path  # "Poland" / "Polska"


def test_the_languages_are_exactly_those_chosen(polish_edition: Path) -> None:
    folders = {path.name for path in polish_edition.iterdir() if path.is_dir() and len(path.name) == 2}
    assert folders == {"pl"}
    home = BeautifulSoup((polish_edition / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert {link["hreflang"] for link in home.select(".md-select__list a[hreflang]")} == {"en", "pl"}


def test_the_branding_is_applied(polish_edition: Path) -> None:
    page = BeautifulSoup((polish_edition / "pl" / "index.html").read_text(encoding="utf-8"), "html.parser")
    footer = page.select_one(".md-copyright").get_text(" ", strip=True)
    assert "Fundacja Przykład" in footer and "pomoc@example.org" in footer
    assert page.select_one('.md-copyright a[href="mailto:pomoc@example.org"]')
    # The edition's colour, in the one stylesheet the page loads (hooks/hosting.py).
    (sheet,) = [str(link["href"]) for link in page.select('link[rel="stylesheet"]')]
    assert "--shk-brand:#5b2a86" in (polish_edition / "pl" / sheet).read_text()
    assert (polish_edition / "assets" / "images" / "logo.svg").read_text(encoding="utf-8") == LOGO


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"brand_colour": "#88ccff"},
            "extra.brand_colour: '#88ccff': white text on this colour has a contrast",
        ),
        (
            {"quick_exit_url": "http://example.org"},
            "extra.quick_exit_url: 'http://example.org': expected an https://",
        ),
        ({"country": "Poland"}, "extra.country: 'Poland': expected an ISO 3166-1 alpha-2 country code"),
    ],
)
@pytest.mark.usefixtures("builds")
def test_a_wrong_setting_fails_with_the_right_message(tmp_path: Path, extra: dict, message: str) -> None:
    project = copy_project(tmp_path / "kit")
    edit_settings(project, **extra)
    result = build_site(tmp_path / "out", project=project, check=False)
    assert result.returncode == 1
    assert message in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


@pytest.mark.usefixtures("builds")
def test_a_missing_logo_file_is_named(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "kit")
    (project / "docs" / "assets" / "images" / "logo.svg").unlink()
    result = build_site(tmp_path / "out", project=project, check=False)
    assert result.returncode == 1
    assert "theme.logo: 'assets/images/logo.svg': expected an image file" in result.stderr


# --- An edition's own content in edition/, and the kit's next version merged in -------------------

LAW = "W Polsce szantaż to przestępstwo (art. 191 Kodeksu karnego): zgłoś go na policji."
AFTER = "Our local police unit for online crime calls you back within a week."
# A block's numbers come from the data, as in the kit's pages.
URGENT = "If it cannot wait, call {{ emergency }} at once."
REMOVAL = "Dyżurnet.pl takes reports of images of under-18s: dyzurnet.pl."
LABEL = "Wyjdź stąd szybko"
SETTINGS = """\
country: PL
organisation: Fundacja Przykład
languages: [pl, en]
site_url: https://pomoc.example.org/
quick_exit_url: https://pogoda.example.org/
pages:
  - file: pomoc-w-polsce.md
    after: threatened/report-to-police.md
"""
HEADER = (
    "id,country,kind,name,phone,sms,sms_text,chat_url,form_url,email,url,languages,audience,hours,chat_hours,"
    "source,confidence,verified,remarks"
)
# A correction of a kit row, and a row of the edition's own, with their notes.
CHANNELS = f"""\
{HEADER}
pl-helpline-org-pl,PL,helpline,Helpline.org.pl (FDDS),800 100 100,,,,,,https://helpline.org.pl,pl,all,\
Mo-Fr 11:00-17:00,,https://example.org/our-check,high,2026-11-20,Checked by phone by the edition.
pl-przyklad-policja,PL,police,Policja: zgłoszenie online,,,,,https://example.org/zgloszenie,,https://example.org/,\
pl,all,,,https://example.org/source,high,2026-11-20,
"""
OWN_NOTE = "Zgłoś przestępstwo przez internet, o każdej porze."


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    identity = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Test"}
    environ = {**os.environ, **identity, "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, env=environ)


def _commit(folder: Path, message: str) -> None:
    assert _git(folder, "add", "-A").returncode == 0
    result = _git(folder, "commit", "-q", "-m", message)
    assert result.returncode == 0, result.stderr


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.usefixtures("builds")
def test_an_editions_own_content_survives_a_merge_of_the_kit_that_changes_the_same_pages(tmp_path: Path) -> None:
    kit = copy_project(tmp_path / "kit")
    assert _git(kit, "init", "-q", "-b", "main").returncode == 0
    _commit(kit, "the kit")
    edition = tmp_path / "edition"
    assert _git(tmp_path, "clone", "-q", str(kit), str(edition)).returncode == 0
    # The edition: a block at every kind of point, in two languages, a string and a logo of its own.
    for name, text in {
        "blocks/pl/the-law-here.md": LAW,
        "blocks/en/after-you-report.md": f"{AFTER}\n\n{URGENT}",
        "blocks/pl/removal-services-here.md": REMOVAL,
        "blocks/pl/who-publishes-this.md": "Tę wersję wydaje Fundacja Przykład.",
        "strings/pl.yml": f"quick_exit:\n  label: {LABEL}\n",
        "assets/images/logo.svg": LOGO,
        "settings.yml": SETTINGS,
        "pages/pl/pomoc-w-polsce.md": "# Pomoc w Polsce\n\nNasz punkt pomocy w Warszawie.",
        "pages/en/pomoc-w-polsce.md": "# Help in Poland\n\nOur help desk in Warsaw.",
        "reporting-channels.csv": CHANNELS,
        "notes/pl.yml": f'channels:\n  pl-przyklad-policja: "{OWN_NOTE}"\n',
        "notes/en.yml": 'channels:\n  pl-przyklad-policja: "Report a crime online, at any time."\n',
    }.items():
        path = edition / "edition" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
    _commit(edition, "our edition")
    # The kit's next version changes the pages with those points, the strings and the data.
    _edit(kit / "docs" / "en" / "threatened" / "report-to-police.md", "The police take", "Police officers take")
    _edit(kit / "docs" / "pl" / "threatened" / "report-to-police.md", "\n## 2.", "\nNowe zdanie zestawu.\n\n## 2.")
    _edit(kit / "data" / "strings" / "pl.yml", 'directory: "Gdzie zadzwonić"', 'directory: "Gdzie szukać pomocy"')
    _edit(
        kit / "data" / "reporting-channels.csv",
        "at-emergency,AT,emergency,112,112,",
        "at-emergency,AT,emergency,112 ,112,",
    )
    # ... the very row the edition corrects, and its note ...
    _edit(
        kit / "data" / "reporting-channels.csv",
        "The source looks old: check the opening hours",
        "The source is old: check the opening hours",
    )
    _edit(kit / "data" / "notes" / "pl.yml", "pl-helpline-org-pl: ", "pl-helpline-org-pl:  ")
    # ... the settings and the navigation in mkdocs.yml ...
    _edit(kit / "mkdocs.yml", "  brand_colour: ", "  # A kit comment, next version.\n  brand_colour: ")
    _edit(
        kit / "mkdocs.yml",
        "      - privacy.md\n      - accessibility.md\n",
        "      - accessibility.md\n      - privacy.md\n",
    )
    logo = kit / "docs" / "assets" / "images" / "logo.svg"
    logo.write_text(logo.read_text(encoding="utf-8").replace("<svg", "<svg data-version='2'", 1), encoding="utf-8")
    _commit(kit, "the kit, next version")
    merged = _git(edition, "pull", "-q", "--no-rebase", "origin", "main")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert _git(edition, "diff", "--name-only", "--diff-filter=U").stdout == ""

    site = tmp_path / "site"
    # The settings come from edition/settings.yml alone.
    build_site(site, project=edition)
    # Polish first: at the site's root; English under en/.
    police = (site / "threatened" / "report-to-police" / "index.html").read_text(encoding="utf-8")
    assert LAW in police and "Nowe zdanie zestawu." in police
    assert police.index(LAW) < police.index("Nowe zdanie zestawu.")
    english = (site / "en" / "threatened" / "report-to-police" / "index.html").read_text(encoding="utf-8")
    assert AFTER in english and "Police officers take" in english and LAW not in english
    assert "If it cannot wait, call 112 at once." in page_soup(
        site / "en" / "threatened" / "report-to-police" / "index.html"
    ).get_text(" ", strip=True).replace(" .", ".")
    assert REMOVAL in (site / "threatened" / "remove-images" / "index.html").read_text(encoding="utf-8")
    # The edition's own string, and the kit's changed one (the way back names the directory).
    assert LABEL in page_soup(site / "index.html").get_text()
    assert "Gdzie szukać pomocy" in police
    # The edition's logo, not the kit's new one.
    assert (site / "assets" / "images" / "logo.svg").read_text(encoding="utf-8").strip() == LOGO
    # A point the edition fills in no language leaves no trace.
    assert "edition:" not in english
    # The settings: the quick exit, the address in the sitemap, Polish first.
    assert page_soup(site / "index.html").select_one('a[href="https://pogoda.example.org/"]')
    assert "<loc>https://pomoc.example.org/threatened/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    # The edition's own page, after "Report to the police" in both languages, with the help box.
    for folder, title in ((site, "Pomoc w Polsce"), (site / "en", "Help in Poland")):
        local = page_soup(folder / "pomoc-w-polsce" / "index.html")
        assert local.h1.get_text(strip=True) == title
        assert local.select_one("aside[data-shk=helpbox]")
        police_page = page_soup(folder / "threatened" / "report-to-police" / "index.html")
        following = police_page.select_one("a.md-footer__link--next")
        assert following["href"].rstrip("/").endswith("pomoc-w-polsce"), following
    # The edition's channel rows: the correction in place of the kit's row, the addition with its note.
    published = (site / "data" / "reporting-channels.csv").read_text(encoding="utf-8")
    assert (
        "Checked by phone by the edition." in published
        and "The source is old: check the opening hours" not in published
    )
    assert "pl-przyklad-policja" in published and "\nat-emergency,AT," in published
    directory = page_soup(site / "directory" / "index.html").get_text(" ", strip=True)
    assert OWN_NOTE in directory and "Policja: zgłoszenie online" in directory


@pytest.mark.usefixtures("builds")
def test_a_block_at_a_point_no_page_declares_stops_the_build_naming_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "kit")
    block = project / "edition" / "blocks" / "pl" / "the-lawhere.md"
    block.parent.mkdir(parents=True)
    block.write_text("Typo in the name.\n", encoding="utf-8")
    result = build_site(tmp_path / "site", project=project, env={"SITE_LANGUAGES": "pl,en"}, check=False)
    assert result.returncode != 0
    assert (
        "edition/blocks/pl/the-lawhere.md: point 'the-lawhere' is not declared by any page in docs/pl/" in result.stderr
    )
    assert "the-law-here" in result.stderr


@pytest.mark.usefixtures("builds")
def test_mistakes_in_the_editions_settings_pages_and_rows_are_named(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "kit")
    files = {
        "settings.yml": "country: PL\nlanguages: pl, en\npages:\n  - file: pomoc.md\n    after: threatened/police.md\n",
        "pages/pl/pomoc.md": "# Pomoc\n",
        "reporting-channels.csv": f"{HEADER}\npl-x,PL,police,X,,,,,,,http://example.org/,pl,all,,,https://example.org/,high,,\n",
    }
    for name, text in files.items():
        path = project / "edition" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = build_site(tmp_path / "site", project=project, check=False)
    assert result.returncode == 1
    assert (
        "edition/settings.yml: pages[0]: after: 'threatened/police.md': not a page of the navigation" in result.stderr
    )
    assert "edition/pages/en/pomoc.md: missing: edition/settings.yml places 'pomoc.md'" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
    # The pages put right, the row's own mistake is named with its file, row and column.
    (project / "edition" / "settings.yml").write_text("languages: [pl]\n", encoding="utf-8")
    (project / "edition" / "pages" / "pl" / "pomoc.md").unlink()
    result = build_site(tmp_path / "site", project=project, check=False)
    assert result.returncode == 1
    assert (
        "edition/reporting-channels.csv:2:url: 'http://example.org/': expected an https:// web address" in result.stderr
    )
