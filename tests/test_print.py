"""`make print` (helpkit.print.booklets, helpkit.print.make) on a real build, and printing a page from a browser.

One build of en, fr and ar with site_url set, and one run of the command, serve the whole module;
besides, one run of English with --without-address, and one run that stops before printing.
"""

from __future__ import annotations

import datetime
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
from dataclasses import dataclass
from pathlib import Path

import pytest
import segno
import yaml
from bs4 import BeautifulSoup
from pypdf import PageObject, PdfReader
from pypdf.generic import ContentStream

from conftest import LANGUAGES, ROOT, copy_project
from helpkit.directory.helpbox import HelpBox
from helpkit.i18n.strings import load_strings
from helpkit.print import booklets
from helpkit.print import make as make_print
from helpkit.print.booklets import BuiltPage, SiteLayout

SITE_URL = "https://help.example.org/"
PRINTED = ("en", "fr", "ar")
BOOKLETS = ("young-person", "friend", "parent-carer", "teacher")
ONE_PAGE = ("leaflet", "poster")
DOCUMENTS = (*BOOKLETS, *ONE_PAGE, "evidence-checklist")
A4 = (595.28, 841.89)
POINTS_PER_MM = 72 / 25.4
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


def test_an_address_keeps_its_brackets_inside_its_left_to_right_isolate() -> None:
    # In a right-to-left paragraph, brackets outside the isolate take their direction from their
    # neighbours: a wrapped address then printed as "why-we-)" and "exist/report-remove)".
    soup = BeautifulSoup('<p dir="rtl">اقرأ <a href="https://example.org/a/b">هنا</a>.</p>', "html.parser")
    booklets.show_addresses(soup)
    printed = soup.select_one(".shk-print-url")
    assert printed is not None
    isolate = printed.find("bdi")
    assert isolate is not None and isolate["dir"] == "ltr"
    assert isolate.get_text() == "(example.org/a/b)"
    assert printed.get_text() == " (example.org/a/b)"


def test_links_that_lead_nowhere_on_paper_become_text() -> None:
    soup = BeautifulSoup(
        '<p><a href="tel:1813">1813</a> <a href="sms:85258">Text 85258</a> <a href="https://x.example/">chat</a> '
        '<a href="#c9">all numbers</a> <a href="mailto:a@x.example">a@x.example</a> <a href="../directory/">'
        "every number</a> <a>nothing</a></p>",
        "html.parser",
    )
    booklets.unlink_dead_ends(soup)
    kept = [a["href"] for a in soup.find_all("a")]
    assert kept == ["tel:1813", "sms:85258", "https://x.example/", "#c9", "mailto:a@x.example"]
    assert "every number" in soup.get_text() and "nothing" in soup.get_text()


def test_the_brand_colour_draws_and_text_on_it_stays_readable() -> None:
    dark = booklets.brand_palette("#1B5E5A")
    assert dark == {"--shk-brand": "#1b5e5a", "--shk-on-brand": "#fff", "--shk-brand-text": "#1b5e5a"}
    # A light colour (white on it: 1.6:1) takes black text, on it and in its place on white paper.
    light = booklets.brand_palette("#ffcc00")
    assert light == {"--shk-brand": "#ffcc00", "--shk-on-brand": "#000", "--shk-brand-text": "#000"}
    assert booklets.palette_css("#1b5e5a") == ":root{--shk-brand:#1b5e5a;--shk-on-brand:#fff;--shk-brand-text:#1b5e5a;}"
    with pytest.raises(ValueError, match="rrggbb"):
        booklets.palette_css("red;}</style>")


def test_the_poster_puts_the_crisis_line_first() -> None:
    project = make_print.read_project(ROOT / "mkdocs.yml")
    table = make_print.read_directory(
        csv=project.channels_csv, notes=project.notes, languages=("en",), today=datetime.date.today(), country="BE"
    ).table
    box = make_print.plan_helpbox(table, "BE", "en")
    assert [slot for slot, _ in box.lines][:2] == ["emergency", "crisis"]
    first = booklets.crisis_first(box)
    assert isinstance(first, HelpBox)
    assert [slot for slot, _ in first.lines] == ["crisis", "emergency", *[slot for slot, _ in box.lines][2:]]
    assert first.gaps == box.gaps


def test_fit_size_finds_the_largest_size_that_fits() -> None:
    laid_out: list[float] = []

    def height(size: float) -> float:
        laid_out.append(size)
        return size * 20.0

    assert make_print.fit_size(height, room=273.0, largest=17.0, smallest=10.0) == 13.5
    assert len(laid_out) <= 6
    assert make_print.fit_size(height, room=100.0, largest=17.0, smallest=10.0) == 10.0
    assert make_print.fit_size(height, room=1000.0, largest=17.0, smallest=10.0) == 17.0


def test_the_address_printed_is_site_url_or_site_url_from_the_environment_and_https() -> None:
    address = make_print.address_to_print
    assert address("https://help.example.org", environ={}, without_address=False) == "https://help.example.org/"
    # The workflows know the address the site is published at: SITE_URL, as for the site's build.
    environ = {"SITE_URL": "https://ngo.example.pl/help/"}
    assert address("https://help.example.org/", environ=environ, without_address=False) == environ["SITE_URL"]
    assert address("", environ=environ, without_address=False) == environ["SITE_URL"]
    with pytest.raises(make_print.PrintError, match="SITE_URL is not set: set it"):
        address(" ", environ={"SITE_URL": ""}, without_address=False)
    # A school hands the paper out: a preview's address on it would lead nowhere.
    with pytest.raises(make_print.PrintError, match=r"'http://127.0.0.1:8000/': expected"):
        address("", environ={"SITE_URL": "http://127.0.0.1:8000/"}, without_address=False)
    assert address("", environ={}, without_address=True) == ""


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


def run_make_print(
    project: Path, built: Path, out: Path, *options: str, extra_environ: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The command as `make print` runs it, on an existing build."""
    environ = {k: v for k, v in os.environ.items() if k not in ("SITE_COUNTRY", "SITE_LANGUAGES", "SITE_URL")}
    environ.update(extra_environ or {})
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


def _built(site: Path, file: str) -> BeautifulSoup:
    return BeautifulSoup((site / file).read_text(encoding="utf-8"), "html.parser")


def _multiply(a: list[float], b: list[float]) -> list[float]:
    """The PDF matrix product a × b of [a b c d e f] matrices."""
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def qr_codes(reader: PdfReader, page: PageObject) -> list[tuple[tuple[tuple[int, ...], ...], float]]:
    """The QR codes drawn on a page, read back from its content stream: (modules, side in mm) each.

    Chromium draws segno's inline SVG as a white square of the symbol's size in modules (border
    included), then one stroked path of horizontal runs of dark modules (`x y m x2 y l`, y at the
    middle of a row). The modules compare with segno's own matrix of an address.
    """
    codes: list[tuple[tuple[tuple[int, ...], ...], float]] = []
    ctm, stack = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], []
    size, side, dark, pen = 0, 0.0, set[tuple[int, int]](), None
    operations = ContentStream(page.get_contents(), reader).operations
    for index, (operands, operator) in enumerate(operations):
        if operator == b"q":
            stack.append(ctm)
        elif operator == b"Q":
            ctm = stack.pop()
        elif operator == b"cm":
            ctm = _multiply([float(value) for value in operands], ctm)
        elif operator == b"re" and not size:
            x, y, width, height = (float(value) for value in operands)
            square = x == y == 0 and width == height == int(width) and 21 <= width <= 177
            if square and operations[index + 1][1] == b"f":
                size, side, dark = int(width), abs(width * ctm[0]) / POINTS_PER_MM, set()
        elif size and operator == b"m":
            pen = (float(operands[0]), float(operands[1]))
        elif size and operator == b"l" and pen is not None:
            end = float(operands[0])
            if float(operands[1]) == pen[1]:
                dark.update((int(pen[1]), column) for column in range(int(min(pen[0], end)), int(max(pen[0], end))))
            pen = None
        elif size and operator == b"S":
            if dark:
                modules = tuple(tuple(int((row, column) in dark) for column in range(size)) for row in range(size))
                codes.append((modules, side))
            size = 0
    return codes


def qr_modules(url: str) -> tuple[tuple[int, ...], ...]:
    """The modules of the code make print draws for an address, its quiet zone of 4 included."""
    return tuple(tuple(int(bool(module)) for module in row) for row in booklets.make_qr(url).matrix_iter(border=4))


@dataclass(frozen=True)
class Run:
    """A run of text on a PDF page: its size in points, where its baseline starts (mm from the
    page's top), and its text."""

    size: float
    top: float
    text: str


@functools.cache
def _runs(path: Path) -> tuple[Run, ...]:
    page = _read(path).pages[0]
    height = float(page.mediabox.height)
    runs: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            matrix = _multiply(tm, cm)
            runs.append(Run(size * abs(matrix[3]), (height - matrix[5]) / POINTS_PER_MM, _normal(text)))

    page.extract_text(visitor_text=visit)
    return tuple(runs)


# The margins at the top and the bottom of A4 (297 mm) of the one-page documents, in mm.
ONE_PAGE_MARGINS = {"leaflet": (12.0, 12.0), "poster": (10.0, 10.0)}


def _filled(path: Path) -> float:
    """How far down the printable height of a one-page document its last line sits."""
    top, bottom = ONE_PAGE_MARGINS[path.stem]
    lowest = max(run.top for run in _runs(path))
    return (lowest - top) / (297.0 - top - bottom)


@pytest.mark.parametrize("language", PRINTED)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_document_is_a4(printed: tuple[Path, str], language: str, name: str) -> None:
    reader = _reader(printed, language, name)
    assert len(reader.pages) >= 1
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2, (width, height)


@pytest.mark.parametrize("language", PRINTED)
@pytest.mark.parametrize("name", ONE_PAGE)
def test_leaflet_and_poster_are_one_side(printed: tuple[Path, str], language: str, name: str) -> None:
    assert len(_reader(printed, language, name).pages) == 1


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


def _first_page(name: str) -> str:
    """The page of the site a document's QR code opens."""
    if name in ONE_PAGE:
        return booklets.HOME_PAGE
    if name == "evidence-checklist":
        return booklets.EVIDENCE_PAGE
    return next(item for item in booklets.booklets(_nav()) if item.name == name).pages[0]


@pytest.mark.parametrize("language", PRINTED)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_document_carries_the_qr_code_and_the_address_of_its_page(
    printed: tuple[Path, str], language: str, name: str
) -> None:
    layout = SiteLayout(default_language="en", site_url=SITE_URL)
    url = booklets.online_url(layout, language, _first_page(name))
    reader = _reader(printed, language, name)
    # On the first side (a booklet's cover): the code of this address and no other, and the address.
    codes = qr_codes(reader, reader.pages[0])
    assert [modules for modules, _ in codes] == [qr_modules(url)], url
    # Written out whole, though a narrow column may wrap it.
    assert booklets.display_address(url) in "".join(reader.pages[0].extract_text().split())
    # Sides in mm, from points: 50 mm comes back as 49.998.
    assert round(min(side for _, side in codes), 1) >= (50 if name == "poster" else 25)


@pytest.mark.parametrize("language", PRINTED)
@pytest.mark.parametrize("name", ONE_PAGE)
def test_leaflet_and_poster_fill_their_side_with_the_help_boxs_numbers(
    printed: tuple[Path, str], built: Path, language: str, name: str
) -> None:
    path = printed[0] / language / f"{name}.pdf"
    # The old leaflet stopped at 89 to 93 % of the printable height, whatever the language.
    assert _filled(path) >= 0.95
    text = _text(_reader(printed, language, name))
    layout = SiteLayout(default_language="en", site_url=SITE_URL)
    box = _built(built, layout.page_file(language, booklets.HOME_PAGE)).select_one("[data-shk=helpbox]")
    assert box is not None
    numbers = [_normal(tag.get_text()) for tag in box.select(".shk-reach--call")]
    crisis = box.select_one(".shk-helpbox__item--crisis .shk-reach--call")
    assert crisis is not None and numbers
    for number in numbers:
        assert number in text
    # The crisis line by its name and its number, not only by its label.
    name_tag = box.select_one(".shk-helpbox__item--crisis .shk-helpbox__name")
    assert name_tag is not None and _normal(name_tag.get_text()) in text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_poster_type_is_large(printed: tuple[Path, str], built: Path, language: str) -> None:
    runs = _runs(printed[0] / language / "poster.pdf")
    layout = SiteLayout(default_language="en", site_url=SITE_URL)
    home = _built(built, layout.page_file(language, booklets.HOME_PAGE))
    title = _title(built, layout.page_file(language, booklets.HOME_PAGE))
    largest = max(run.size for run in runs)
    assert largest >= 28
    assert " ".join(run.text for run in runs if run.size == largest).replace("- ", "-") == title
    steps = home.select_one("article h2 + ol")
    assert steps is not None
    written = _normal(steps.get_text(" "))
    in_steps = [run for run in runs if len(run.text) >= 8 and run.text in written]
    assert len(in_steps) >= 3
    assert min(run.size for run in in_steps) >= 16


def test_poster_gives_the_crisis_line_first_and_the_imprint(printed: tuple[Path, str], built: Path) -> None:
    text = _text(_reader(printed, "en", "poster"))
    box = _built(built, "index.html").select_one("[data-shk=helpbox]")
    assert box is not None
    kinds = [_normal(tag.get_text()) for tag in box.select(".shk-helpbox__kind")]
    crisis = box.select_one(".shk-helpbox__item--crisis .shk-helpbox__kind")
    assert crisis is not None and kinds[0] != _normal(crisis.get_text())
    on_poster = [_normal(crisis.get_text()), *(kind for kind in kinds if kind != _normal(crisis.get_text()))]
    positions = [text.index(kind) for kind in on_poster]
    assert positions == sorted(positions), on_poster
    assert "Sextortion Help Kit" in text
    assert "Published by Sextortion Help Kit" in text and "Printed on" in text


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_document_draws_in_the_brand_colour(printed: tuple[Path, str], project: Path, name: str) -> None:
    extra = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["extra"]
    brand = extra["brand_colour"]
    rgb = [int(brand[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    reader = _reader(printed, "en", name)
    page = reader.pages[0]
    colours = [
        [float(value) for value in operands]
        for operands, operator in ContentStream(page.get_contents(), reader).operations
        if operator in (b"rg", b"RG") and len(operands) == 3
    ]
    assert any(all(abs(a - b) < 0.01 for a, b in zip(colour, rgb, strict=True)) for colour in colours), brand


# An address as pypdf reads it back, with any bracket touching it.
ADDRESS = re.compile(r"[()]?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s()]*)?[()]?")


def misplaced_brackets(text: str) -> list[str]:
    """Addresses with a bracket at the wrong end: "why-we-)" for "(why-we-", ")example.org(" ..."""
    return [
        found
        for found in ADDRESS.findall(text)
        if found.startswith(")") or found.endswith("(") or (found.endswith(")") and not found.startswith("("))
    ]


def test_arabic_addresses_keep_their_brackets_and_read_left_to_right(printed: tuple[Path, str]) -> None:
    bracketed = 0
    for name in DOCUMENTS:
        text = _text(_reader(printed, "ar", name))
        assert misplaced_brackets(text) == [], name
        bracketed += len(re.findall(r"\((?:[a-z0-9-]+\.)+[a-z]{2,}", text))
    assert bracketed > 20
    leaflet = _text(_reader(printed, "ar", "leaflet"))
    assert "help.example.org/ar/" in leaflet
    assert "116 000" in leaflet and "000 116" not in leaflet


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


@pytest.fixture(scope="module")
def unaddressed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the command reads besides the build: mkdocs.yml (as shipped, site_url empty) and data/."""
    project = tmp_path_factory.mktemp("unaddressed") / "kit"
    project.mkdir()
    shutil.copytree(ROOT / "data", project / "data")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(re.sub(r"(?m)^site_url:.*$", 'site_url: ""', config), encoding="utf-8")
    return project


def _files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_without_site_url_the_command_stops_and_says_what_to_set(
    unaddressed: Path, built: Path, tmp_path: Path
) -> None:
    out = tmp_path / "dist" / "print"
    (out / "en").mkdir(parents=True)
    (out / "en" / "leaflet.pdf").write_bytes(b"%PDF-old")
    result = run_make_print(unaddressed, built, out, "--languages", "en")
    assert result.returncode == 1, result.stdout
    message = _normal(result.stderr)
    assert message.startswith(
        "error: site_url is empty in edition/settings.yml and mkdocs.yml, and SITE_URL is not set: set it to the "
        "address the site will be published at"
    )
    assert "every document carries a QR code" in message
    assert "--without-address" in message and "PRINT_ARGS=--without-address" in message
    assert message.endswith("is unchanged")
    # Nothing printed, nothing written: the old documents as they were, no folder left beside them.
    assert "wrote" not in result.stdout
    assert _files(out) == {"en/leaflet.pdf": b"%PDF-old"}
    assert sorted(path.name for path in out.parent.iterdir()) == [".print.lock", "print"]


@pytest.fixture(scope="module")
def printed_without_address(
    unaddressed: Path, built: Path, tmp_path_factory: pytest.TempPathFactory, chromium: str
) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("print-without-address") / "print"
    result = run_make_print(unaddressed, built, out, "--languages", "en", "--without-address")
    assert result.returncode == 0, result.stderr[-4000:]
    return out, result.stdout


def test_without_address_prints_without_qr_codes_and_says_so_once(printed_without_address: tuple[Path, str]) -> None:
    out, stdout = printed_without_address
    assert stdout.count("--without-address: printing without QR codes and without the site's address.") == 1
    assert sorted(path.name for path in (out / "en").iterdir()) == sorted(f"{name}.pdf" for name in DOCUMENTS)
    for name in DOCUMENTS:
        reader = _read(out / "en" / f"{name}.pdf")
        assert all(qr_codes(reader, page) == [] for page in reader.pages), name
        text = _text(reader)
        assert "help.example.org" not in text and "Scan to" not in text, name
    for name in ONE_PAGE:
        path = out / "en" / f"{name}.pdf"
        assert len(_read(path).pages) == 1
        # Without the code the type grows into its room: the side is still filled.
        assert _filled(path) >= 0.95, name


@pytest.mark.usefixtures("builds")
def test_help_lists_the_options() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "helpkit", "print", "--help"],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        check=True,
    )
    for option in ("--site", "--languages", "--out", "--country", "--without-address"):
        assert option in result.stdout
    assert "site_url" in result.stdout


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
