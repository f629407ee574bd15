"""`make print` (helpkit.print.booklets, helpkit.print.make) on a real build, and printing a page from a browser.

One build of en, fr and ar with site_url set, and one run of the command, serve the whole module.
"""

from __future__ import annotations

import functools
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
import segno
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import LANGUAGES, ROOT, copy_project
from helpkit.i18n.strings import load_strings
from helpkit.print import booklets
from helpkit.print import make as make_print
from helpkit.print.booklets import BuiltPage, SiteLayout

SITE_URL = "https://help.example.org/"
PRINTED = ("en", "fr", "ar")
BOOKLETS = ("young-person", "friend", "parent-carer", "teacher")
DOCUMENTS = (*BOOKLETS, "leaflet", "evidence-checklist")
A4 = (595.28, 841.89)
ARABIC = re.compile(r"[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]")
PRINT_STRINGS = ROOT / "data" / "strings" / "print"


def _flat(tree: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _nav() -> list:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"]


# --- Print strings ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_print_strings_file_has_exactly_the_english_keys(language: str) -> None:
    english = _flat(yaml.safe_load((PRINT_STRINGS / "en.yml").read_text(encoding="utf-8")))
    table = _flat(yaml.safe_load((PRINT_STRINGS / f"{language}.yml").read_text(encoding="utf-8")))
    assert set(table) == set(english)
    assert all(isinstance(text, str) and text.strip() for text in table.values())
    assert "{date}" in table["print.printed_on"]


def test_print_strings_load_without_fallback() -> None:
    loaded = load_strings(PRINT_STRINGS, LANGUAGES)
    assert loaded["fr"]["print.contents"] == "Sommaire"
    with pytest.raises(KeyError):
        loaded["fr"]["print.no_such_label"]


# --- Pure assembly ---------------------------------------------------------------------------


def test_young_persons_booklet_follows_the_navigation() -> None:
    young = booklets.booklets(_nav())[0]
    assert young.name == "young-person"
    # The nav's "I'm being threatened" section, every page of it in its order, then how to leave quickly.
    section = next(
        item["I'm being threatened"] for item in _nav() if isinstance(item, dict) and "I'm being threatened" in item
    )
    assert young.pages == (*section, "leave-quickly.md")
    assert young.pages[:3] == ("threatened/index.md", "threatened/stop.md", "threatened/tell-someone.md")
    assert "threatened/no-copy.md" in young.pages and "threatened/not-money.md" in young.pages


def test_page_addresses_follow_the_language_folders() -> None:
    layout = SiteLayout(default_language="en", site_url=SITE_URL)
    assert layout.page_url("en", "index.md") == ""
    assert layout.page_url("fr", "index.md") == "fr/"
    assert layout.page_url("fr", "threatened/index.md") == "fr/threatened/"
    assert layout.page_file("ar", "friends.md") == "ar/friends/index.html"
    assert booklets.online_url(layout, "en", "threatened/index.md") == "https://help.example.org/threatened/"
    assert booklets.online_url(layout, "ar", "index.md") == "https://help.example.org/ar/"
    assert booklets.online_url(SiteLayout(default_language="en"), "fr", "index.md") == ""


def test_qr_code_encodes_the_online_address() -> None:
    url = booklets.online_url(SiteLayout(default_language="en", site_url=SITE_URL), "fr", "threatened/index.md")
    assert url == "https://help.example.org/fr/threatened/"
    code = booklets.make_qr(url)
    assert code.mode == "byte"
    assert not code.is_micro
    assert code.error in ("M", "Q", "H")
    # segno's own encoding of the address, and no other address, gives this symbol.
    assert code.matrix == segno.make(url, error=code.error, mode="byte", micro=False, boost_error=False).matrix
    assert code.matrix != booklets.make_qr(url + "x").matrix
    svg = booklets.qr_svg(url)
    assert svg.startswith("<svg") and 'class="shk-qr__code"' in svg
    assert 'stroke="#000"' in svg


def _page(article: str, url: str = "fr/threatened/keep-evidence/") -> BuiltPage:
    return BuiltPage(
        src="threatened/keep-evidence.md",
        url=url,
        language="fr",
        direction="ltr",
        site_name="Kit",
        title="Garde les preuves",
        article=article,
    )


def test_links_become_anchors_addresses_or_text() -> None:
    html = (
        '<p><a href="../block-and-report/#how">in this booklet</a> <a href="../../directory/">elsewhere</a> '
        '<a href="https://childfocus.be/fr">Child Focus</a> <a href="https://example.org/x">example.org/x</a> '
        '<a href="tel:116000">116 000</a> <a href="#top">here</a></p>'
    )
    online = SiteLayout(default_language="en", site_url=SITE_URL)
    chapter = booklets.chapter(_page(html), "c3", layout=online, targets={"fr/threatened/block-and-report/": "c4"})
    soup = BeautifulSoup(str(chapter), "html.parser")
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert hrefs == [
        "#c4-how",
        "https://help.example.org/fr/directory/",
        "https://childfocus.be/fr",
        "https://example.org/x",
        "tel:116000",
        "#c3-top",
    ]
    printed = [span.get_text() for span in soup.select(".shk-print-url")]
    # Beside every web address, except where the link's text already is the address.
    assert printed == [" (help.example.org/fr/directory/)", " (childfocus.be/fr)"]

    offline = SiteLayout(default_language="en")
    chapter = booklets.chapter(_page(html), "c3", layout=offline, targets={})
    soup = BeautifulSoup(str(chapter), "html.parser")
    assert "elsewhere" in soup.get_text() and not soup.find("a", string="elsewhere")


def test_checklist_gives_boxes_and_lines_and_leaves_out_the_next_step() -> None:
    html = (
        "<h1>Garde les preuves</h1><p>Attends.</p><h2>1. Garde tout</h2><p>Tout.</p>"
        "<h2>2. Note</h2><ul><li>le nom</li><li>le lien</li></ul>"
        '<h2>Étape suivante</h2><p><a href="../block-and-report/">Étape 4</a></p>'
    )
    intro, items = booklets.checklist_steps(_page(html), layout=SiteLayout(default_language="en"))
    assert "Attends." in intro
    assert len(items) == 2
    second = BeautifulSoup(str(items[1]), "html.parser")
    assert len(second.select(".shk-fill")) == 2
    assert len(second.select(".shk-fill .shk-box")) == 2
    assert len(second.select(".shk-fill .shk-line")) == 2
    assert "Étape 4" not in "".join(str(item) for item in items)


def test_first_steps_need_a_list_under_the_second_heading() -> None:
    page = _page("<h1>Titre</h1><p>Intro</p><h2>D'abord</h2><ol><li><a href='x/'>Un.</a> Deux.</li></ol>", url="fr/")
    title, opening, heading, steps = booklets.first_steps(page)
    assert (title, str(opening), str(heading)) == ("Garde les preuves", "Intro", "D'abord")
    assert "<strong>Un.</strong>" in steps and "<a" not in steps
    with pytest.raises(ValueError, match="ordered list"):
        booklets.first_steps(_page("<h1>T</h1><h2>D'abord</h2><p>no list</p><h2>Next</h2><ol><li>x</li></ol>"))


# --- A real build and a real run of the command ----------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with site_url set, so that the PDFs carry QR codes."""
    project = copy_project(tmp_path_factory.mktemp("print-project") / "kit")
    config = project / "mkdocs.yml"
    text = re.sub(r"(?m)^site_url:.*$", f"site_url: {SITE_URL}", config.read_text(encoding="utf-8"))
    config.write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def built(project: Path, tmp_path_factory: pytest.TempPathFactory, builds: None) -> Path:
    site = tmp_path_factory.mktemp("print-site")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SITE_COUNTRY", raising=False)
        patch.delenv("SITE_LANGUAGES", raising=False)
        make_print.build_site(project, site, languages=PRINTED)
    return site


def run_make_print(project: Path, built: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """The command as `make print` runs it, on an existing build."""
    environ = {k: v for k, v in os.environ.items() if k not in ("SITE_COUNTRY", "SITE_LANGUAGES")}
    config = str(project / "mkdocs.yml")
    command = ["helpkit", "print", "--config-file", config, "--site", str(built), "--out", str(out), *options]
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=project, env=environ, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def printed(project: Path, built: Path, tmp_path_factory: pytest.TempPathFactory, chromium: str) -> tuple[Path, str]:
    """Runs the command as `make print` does, on the build; returns the output folder and stdout."""
    out = tmp_path_factory.mktemp("print-out") / "print"
    result = run_make_print(project, built, out)
    assert result.returncode == 0, result.stderr[-4000:]
    return out, result.stdout


def _reader(printed: tuple[Path, str], language: str, name: str) -> PdfReader:
    path = printed[0] / language / f"{name}.pdf"
    assert path.is_file(), f"missing {path}"
    return _read(path)


@functools.cache
def _read(path: Path) -> PdfReader:
    return PdfReader(io.BytesIO(path.read_bytes()))


@functools.cache
def _page_texts(reader: PdfReader) -> tuple[str, ...]:
    return tuple(page.extract_text() for page in reader.pages)


def _text(reader: PdfReader) -> str:
    return _normal("\n".join(_page_texts(reader)))


def _title(site: Path, file: str) -> str:
    heading = BeautifulSoup((site / file).read_text(encoding="utf-8"), "html.parser").select_one("article h1")
    assert heading is not None
    return _normal(heading.get_text())


@pytest.mark.parametrize("language", PRINTED)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_document_is_a4(printed: tuple[Path, str], language: str, name: str) -> None:
    reader = _reader(printed, language, name)
    assert len(reader.pages) >= 1
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2, (width, height)


@pytest.mark.parametrize("language", PRINTED)
def test_leaflet_is_one_side(printed: tuple[Path, str], language: str) -> None:
    assert len(_reader(printed, language, "leaflet").pages) == 1


@pytest.mark.parametrize("language", PRINTED)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_document_carries_the_home_countrys_numbers(printed: tuple[Path, str], language: str, name: str) -> None:
    text = _text(_reader(printed, language, name))
    assert "112" in text
    assert "116 000" in text


@pytest.mark.parametrize(
    ("name", "first_page"),
    [
        ("young-person", "threatened/index.html"),
        ("friend", "friends/index.html"),
        ("parent-carer", "parents/index.html"),
        ("teacher", "teachers/index.html"),
    ],
)
def test_french_booklets_are_in_french_with_their_chapters(
    printed: tuple[Path, str], built: Path, name: str, first_page: str
) -> None:
    reader = _reader(printed, "fr", name)
    text = _text(reader)
    cover = _normal(reader.pages[0].extract_text())
    assert _title(built, f"fr/{first_page}") in cover
    # Known French phrases: the help box's title and the print label of the contents.
    assert "De l’aide maintenant" in cover
    assert "Sommaire" in text
    assert "Get help now" not in text
    booklet = next(item for item in booklets.booklets(_nav()) if item.name == name)
    layout = SiteLayout(default_language="en", site_url=SITE_URL)
    for src in booklet.pages:
        assert _title(built, layout.page_file("fr", src)) in text, src
    assert "Qui appeler et où signaler" in text


def test_english_contents_give_the_page_each_chapter_starts_on(printed: tuple[Path, str], built: Path) -> None:
    reader = _reader(printed, "en", "young-person")
    contents = _normal(reader.pages[1].extract_text())
    assert contents.startswith("Contents")
    layout = SiteLayout(default_language="en", site_url=SITE_URL)
    young = booklets.booklets(_nav())[0]
    for src in young.pages:
        title = _title(built, layout.page_file("en", src))
        found = re.search(re.escape(title) + r" (\d+)", contents)
        assert found, f"{title!r} not in the contents: {contents}"
        page = _normal(reader.pages[int(found.group(1)) - 1].extract_text())
        assert page.startswith(title), (title, page[:120])
    # The footer numbers every page.
    assert _normal(reader.pages[-1].extract_text()).endswith(f"{len(reader.pages)} / {len(reader.pages)}")


def test_cover_and_leaflet_write_out_the_address_their_qr_code_opens(printed: tuple[Path, str]) -> None:
    cover = _normal(_reader(printed, "fr", "young-person").pages[0].extract_text())
    assert "help.example.org/fr/threatened/" in cover
    assert "Scanner pour lire cette page en ligne" in cover
    leaflet = _normal(_reader(printed, "en", "leaflet").pages[0].extract_text())
    assert "help.example.org" in leaflet
    assert "Scan to open the website" in leaflet


def test_leaflet_holds_the_first_steps_of_the_start_page(printed: tuple[Path, str], built: Path) -> None:
    soup = BeautifulSoup((built / "index.html").read_text(encoding="utf-8"), "html.parser")
    steps = soup.select_one("article h2 + ol")
    assert steps is not None
    leaflet = _text(_reader(printed, "en", "leaflet"))
    for item in steps.find_all("li"):
        assert _normal(item.get_text()) in leaflet


def test_checklist_is_the_evidence_page_with_boxes(printed: tuple[Path, str], built: Path) -> None:
    text = _text(_reader(printed, "fr", "evidence-checklist"))
    assert "Liste des preuves à garder" in text
    assert _title(built, "fr/threatened/keep-evidence/index.html") in text
    assert "1. Ne supprime pas la conversation" in text
    assert "Étape suivante" not in text


def test_arabic_prints_arabic_text(printed: tuple[Path, str]) -> None:
    for name in DOCUMENTS:
        text = _text(_reader(printed, "ar", name))
        assert len(ARABIC.findall(text)) > 100, name


def test_output_lists_every_file_with_its_pages(printed: tuple[Path, str]) -> None:
    out, stdout = printed
    files = sorted(out.rglob("*.pdf"))
    assert len(files) == len(PRINTED) * len(DOCUMENTS)
    summary = stdout.split("Wrote ", 1)[1]
    for path in files:
        pages = len(PdfReader(io.BytesIO(path.read_bytes())).pages)
        counted = "1 page" if pages == 1 else f"{pages} pages"
        progress = f"wrote {path} ({counted})"
        assert progress in stdout, progress
        assert re.search(re.escape(str(path)) + r"\s+" + re.escape(counted), summary), path


@pytest.mark.usefixtures("chromium")
def test_without_site_url_the_command_says_there_is_no_qr_code(built: Path, tmp_path: Path) -> None:
    # What the command reads besides the build: mkdocs.yml (here without site_url) and data/.
    project = tmp_path / "kit"
    project.mkdir()
    shutil.copytree(ROOT / "data", project / "data")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(re.sub(r"(?m)^site_url:.*$", 'site_url: ""', config), encoding="utf-8")
    out = tmp_path / "print"
    result = run_make_print(project, built, out, "--languages", "en")
    assert result.returncode == 0, result.stderr[-4000:]
    assert "site_url is empty" in result.stdout
    cover = _normal(PdfReader(io.BytesIO((out / "en" / "young-person.pdf").read_bytes())).pages[0].extract_text())
    assert "help.example.org" not in cover and "Scan to read this online" not in cover


@pytest.mark.usefixtures("builds")
def test_help_lists_the_options() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "helpkit", "print", "--help"],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        check=True,
    )
    for option in ("--site", "--languages", "--out", "--country"):
        assert option in result.stdout


# --- Printing a page of the site from a browser ----------------------------------------------


def test_browser_print_stylesheet_holds_print_rules_only() -> None:
    css = re.sub(r"/\*.*?\*/", "", (ROOT / "docs/assets/stylesheets/print.css").read_text(encoding="utf-8"), flags=re.S)
    start = css.index("@media print")
    depth, end = 0, None
    for index in range(css.index("{", start), len(css)):
        depth += {"{": 1, "}": -1}.get(css[index], 0)
        if depth == 0:
            end = index
            break
    assert end is not None
    assert (css[:start] + css[end + 1 :]).strip() == ""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served_print_site(built: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


HIDDEN_ON_PAPER = ("[data-shk=quick-exit]", ".md-header", ".md-sidebar", ".md-search", ".md-select")


@pytest.mark.parametrize("path", ["fr/threatened/keep-evidence/", "ar/threatened/keep-evidence/"])
def test_printing_a_page_shows_text_and_addresses_but_no_controls(
    browser: object, served_print_site: str, path: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
        page.goto(served_print_site + path)
        page.emulate_media(media="print")
        for selector in HIDDEN_ON_PAPER:
            displays = page.eval_on_selector_all(
                selector, "elements => elements.map(element => getComputedStyle(element).display)"
            )
            assert displays, f"{selector}: not on the page"
            assert set(displays) == {"none"}, (selector, displays)
        assert page.locator("article h1").is_visible()
        assert page.locator("[data-shk=helpbox]").is_visible()
        link = page.locator('.shk-helpbox a[href^="https://"]').first
        href = link.get_attribute("href")
        after = link.evaluate("element => getComputedStyle(element, '::after').content")
        assert href and f"({href})" in after, after
        heading = page.locator("article h2").first
        assert heading.evaluate("element => getComputedStyle(element).breakAfter") == "avoid"
        assert page.locator("article li").first.evaluate("element => getComputedStyle(element).breakInside") == "avoid"
        # Nothing but the page's own files: no fonts or styles from elsewhere on paper either.
        pdf = page.pdf(format="A4")
        assert PdfReader(io.BytesIO(pdf)).pages
    finally:
        context.close()
