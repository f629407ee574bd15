"""`make print`: printable PDFs for every language built, in dist/print/<lang>/.

For each language:

- a booklet per audience (`young-person`, `friend`, `parent-carer`, `teacher`): A4, a cover with the
  booklet's title (the title of its first page), the publisher, the site's address, a QR code to the
  booklet's first page online and the help box; contents; one chapter per page of the site; the home
  country's reporting channels last; page numbers in the footer;
- `leaflet.pdf`: one A4 side with the start page's first steps, the help box and a QR code to the
  site, filled: its type is the largest that fits the side (measured in Chromium before printing),
  the help box takes what height is left; if Chromium's PDF still runs to a second page the type
  goes down (half a point, then the sizes of 13 to 10 pt below), and the command fails rather than
  write a second page;
- `poster.pdf`: one A4 side for a corridor: the start page's title and first steps in large type
  (steps 16 pt or more, the title 1.8 times that), a QR code of 50 mm with the address beside the
  title, the help box's lines with the crisis line first, the imprint; fitted like the leaflet,
  and the command fails if it does not fit in 16 pt type;
- `evidence-checklist.pdf`: the "keep the evidence" page as boxes to tick and lines to write on.

Every document carries a QR code to its page online with the address written beside it, and the
edition's brand colour in its rules, bands and step numbers. A school hands the paper out: without
`site_url` (edition/settings.yml or mkdocs.yml: where the site will be published) there is no address to give, so the
command stops and says what to set, unless `--without-address` asks for documents without QR codes
and addresses on purpose.

The built site is the one source of text: the command builds the site into a temporary folder
(`mkdocs build --strict`) unless `--site` names a build, reads each page's <article>, and renders
the documents with Chromium (Playwright). `helpkit.print.booklets` assembles them; this module renders.

The contents carry page numbers: each booklet is rendered twice, the page of every chapter read
back from the first PDF's named destinations (the contents' own links) with pypdf, and the second
render is checked the same way (a third is made if a chapter moved; the command fails if it still
does not settle).

    helpkit print [--site DIR] [--languages fr,ar] [--country BE] [--out dist/print] [--without-address]
                  [-f mkdocs.yml]
"""

from __future__ import annotations

import argparse
import datetime
import functools
import io
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, cast

from babel.dates import format_date
from bs4 import BeautifulSoup
from pypdf import PdfReader

from helpkit.chromium import CHROMIUM_ARGS, chromium_path
from helpkit.directory.countries import INTERNATIONAL, cldr_locale
from helpkit.directory.helpbox import plan_helpbox
from helpkit.directory.load import Directory, read_directory
from helpkit.edition.settings import Edition, EditionError, edition_of, site_address
from helpkit.i18n.strings import Strings, StringsError, load_strings
from helpkit.print.booklets import (
    EVIDENCE_PAGE,
    HOME_PAGE,
    LEAFLET_FONT_SIZE,
    LEAFLET_MARGIN,
    POSTER_FONT_SIZE,
    POSTER_MARGIN,
    POSTER_MIN_FONT_SIZE,
    Booklet,
    BuiltPage,
    PrintContext,
    SiteLayout,
    assemble_booklet,
    assemble_checklist,
    assemble_leaflet,
    assemble_poster,
    booklets,
    footer_template,
    printable_area,
    read_page,
    toc_entries,
)
from helpkit.problems import ProblemsError
from helpkit.project import ProjectError, add_config_file, read_project
from helpkit.publish import PublishError, interrupt_on_signals, publish_folder, shown

STYLESHEET = resources.files(__package__) / "print.css"
MARGIN = {"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}
# Smaller and smaller type until the leaflet fits one side; below the last it would be too small.
LEAFLET_FONT_SIZES = (LEAFLET_FONT_SIZE, 12.0, 11.0, 10.0)
# The largest leaflet type tried when fitting it to the side: beyond it, it reads like a poster.
LEAFLET_MAX_FONT_SIZE = 17.0
# Type sizes are fitted in steps of this many points.
FIT_STEP = 0.25
TOC_PASSES = 3
# CSS pixels per millimetre (96 per inch), as Chromium lays out print.
PX_PER_MM = 96 / 25.4

# The body's height in CSS pixels at a type size in points (Renderer.natural_heights).
_HEIGHT_AT = (
    "size => { document.body.style.fontSize = size + 'pt'; return document.body.getBoundingClientRect().height; }"
)

WITHOUT_ADDRESS = "--without-address"
NO_SITE_URL = (
    "site_url is empty in edition/settings.yml and mkdocs.yml, and SITE_URL is not set: set it to the address "
    "the site will be published at (site_url: https://... in edition/settings.yml), so that every document "
    "carries a QR code and that address written out; "
    f"or pass {WITHOUT_ADDRESS} (make print PRINT_ARGS={WITHOUT_ADDRESS}) to print without them on purpose"
)


class PrintError(Exception):
    """A problem the command reports in one message and exit code 1, without a traceback."""


def mkdocs_build(project: Path, dest: Path, environ: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """The real `mkdocs build --strict` of `project` into `dest`, in this environment."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=project,
        env={**environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


def build_site(
    project: Path,
    dest: Path,
    *,
    languages: Sequence[str] | None = None,
    country: str | None = None,
) -> None:
    """Build `project` into `dest` for these languages and country (the caller's own otherwise)."""
    environ = dict(os.environ)
    if languages:
        environ["SITE_LANGUAGES"] = ",".join(languages)
    if country is not None:
        environ["SITE_COUNTRY"] = country
    result = mkdocs_build(project, dest, environ)
    if result.returncode != 0:
        raise PrintError(f"the site's build failed ({result.returncode}):\n{result.stderr[-4000:]}")


def root_language(site: Path) -> str:
    """The language a build put at its root (the first of SITE_LANGUAGES)."""
    index = site / "index.html"
    if not index.is_file():
        raise PrintError(f"{site}: expected a built site (no index.html)")
    root = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser").find("html")
    language = str(root.get("lang", "")) if root else ""
    if not language:
        raise PrintError(f"{index}: expected <html lang> on the start page")
    return language


def site_languages(site: Path, configured: Sequence[str], default: str) -> list[str]:
    """The configured languages a build holds, the root one first."""
    others = [code for code in configured if code != default and (site / code / "index.html").is_file()]
    return [default, *others]


class Renderer:
    """Chromium, through Playwright, printing HTML to PDF."""

    def __init__(self) -> None:
        from playwright.sync_api import Error, sync_playwright

        executable = chromium_path()
        if executable is None:
            raise PrintError("Chromium is not installed: `make print` installs it (Debian: apt-get install chromium)")
        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        except Error as error:
            self._playwright.stop()
            raise PrintError(f"Chromium did not start: {error}") from None
        self._page = self._browser.new_page()
        self._measure: Any = None

    def natural_heights(self, html: str, *, width: float) -> Callable[[float], float]:
        """The height (mm) of the document's body laid out `width` mm wide, as a function of its type
        size (points): the document is loaded once, and each size set on its <body>, where
        booklets.document puts it and every other size follows in em.

        A page of its own, in screen media, so that rules meant for paper (a one-page document's
        min-height) do not count, and the page that prints keeps print media.
        """
        if self._measure is None:
            self._measure = self._browser.new_page()
            self._measure.emulate_media(media="screen")
        page = self._measure
        page.set_viewport_size({"width": round(width * PX_PER_MM), "height": 1000})
        page.set_content(html, wait_until="load")

        def height(size: float) -> float:
            return float(page.evaluate(_HEIGHT_AT, size)) / PX_PER_MM

        return height

    def pdf(self, html: str, *, footer: str | None, margin: Mapping[str, str] = MARGIN) -> bytes:
        self._page.set_content(html, wait_until="load")
        return self._page.pdf(
            format="A4",
            print_background=True,
            display_header_footer=footer is not None,
            header_template="<span></span>",
            footer_template=footer or "<span></span>",
            margin=cast(Any, dict(margin)),  # Playwright's PdfMargins: the same four keys
            outline=True,
            tagged=True,
        )

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def chapter_pages(pdf: bytes, chapter_ids: Sequence[str]) -> dict[str, int]:
    """The page (from 1) where each chapter starts, from the PDF's named destinations."""
    reader = PdfReader(io.BytesIO(pdf))
    destinations = reader.named_destinations
    missing = [chapter for chapter in chapter_ids if f"/{chapter}" not in destinations]
    if missing:
        raise PrintError(f"Chromium's PDF has no destination for the chapters {', '.join(missing)}")
    pages: dict[str, int] = {}
    for chapter in chapter_ids:
        number = reader.get_destination_page_number(destinations[f"/{chapter}"])
        if number is None:
            raise PrintError(f"Chromium's PDF places the chapter {chapter} on no page")
        pages[chapter] = number + 1
    return pages


def render_booklet(
    renderer: Renderer, assemble: Callable[[Mapping[str, int] | None], str], ids: Sequence[str], footer: str
) -> bytes:
    """Render until the contents' page numbers match where the chapters fall."""
    numbers: dict[str, int] | None = None
    for _ in range(TOC_PASSES):
        pdf = renderer.pdf(assemble(numbers), footer=footer)
        found = chapter_pages(pdf, ids)
        if found == numbers:
            return pdf
        numbers = found
    raise PrintError("the table of contents' page numbers did not settle")


def fit_size(height: Callable[[float], float], *, room: float, largest: float, smallest: float) -> float:
    """The largest type size, from `smallest` to `largest` in steps of FIT_STEP, at which `height`
    (the content's natural height at a size) is at most `room`; `smallest` when none is.

    A bisection: the height grows with the size, so a handful of layouts find it.
    """
    steps = round((largest - smallest) / FIT_STEP)
    sizes = [smallest + FIT_STEP * index for index in range(steps + 1)]
    low, high = 0, len(sizes) - 1
    if height(sizes[low]) > room:
        return smallest
    while low < high:
        middle = (low + high + 1) // 2
        if height(sizes[middle]) <= room:
            low = middle
        else:
            high = middle - 1
    return sizes[low]


def css_margin(margin: Mapping[str, float]) -> dict[str, str]:
    """Margins in mm as Playwright takes them."""
    return {side: f"{size:g}mm" for side, size in margin.items()}


def one_page(
    renderer: Renderer,
    assemble: Callable[[float], str],
    sizes: Sequence[float],
    *,
    margin: Mapping[str, float],
    what: str,
) -> bytes:
    """The first of `sizes` (points, largest first) at which the document prints on one A4 side."""
    for size in sizes:
        pdf = renderer.pdf(assemble(size), footer=None, margin=css_margin(margin))
        if page_count(pdf) == 1:
            return pdf
    raise PrintError(f"the {what} does not fit one A4 side, even in {sizes[-1]:g} pt type: shorten it")


def _fitted(
    renderer: Renderer,
    assemble: Callable[[float], str],
    *,
    margin: Mapping[str, float],
    largest: float,
    smallest: float,
) -> float:
    width, height = printable_area(margin)
    heights = renderer.natural_heights(assemble(smallest), width=width)
    # Chromium's PDF lays out a little differently from the screen the height is measured on (so
    # far always shorter): the page count of the PDF has the last word (one_page).
    return fit_size(heights, room=height, largest=largest, smallest=smallest)


def render_leaflet(renderer: Renderer, assemble: Callable[[float], str], language: str) -> bytes:
    """The leaflet at the largest type size that fills one A4 side; the sizes of LEAFLET_FONT_SIZES
    below it are the guard should Chromium's PDF run to a second side."""
    smallest = LEAFLET_FONT_SIZES[-1]
    fitted = _fitted(renderer, assemble, margin=LEAFLET_MARGIN, largest=LEAFLET_MAX_FONT_SIZE, smallest=smallest)
    sizes = [fitted, fitted - 0.5, *(size for size in LEAFLET_FONT_SIZES if size < fitted - 0.5)]
    return one_page(
        renderer,
        assemble,
        [size for size in sizes if size >= smallest],
        margin=LEAFLET_MARGIN,
        what=f"{language} leaflet",
    )


def render_poster(renderer: Renderer, assemble: Callable[[float], str], language: str) -> bytes:
    """The poster at the largest type size that fits one A4 side, never below POSTER_MIN_FONT_SIZE."""
    fitted = _fitted(renderer, assemble, margin=POSTER_MARGIN, largest=POSTER_FONT_SIZE, smallest=POSTER_MIN_FONT_SIZE)
    sizes = sorted({fitted, max(fitted - 0.5, POSTER_MIN_FONT_SIZE), POSTER_MIN_FONT_SIZE}, reverse=True)
    return one_page(renderer, assemble, sizes, margin=POSTER_MARGIN, what=f"{language} poster")


@dataclass(frozen=True)
class Written:
    path: Path
    pages: int


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _write(path: Path, pdf: bytes, written: list[Written], published_as: Path) -> None:
    """Write `path`; record and report it as `published_as`, where it will be once published."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf)
    record = Written(published_as, page_count(pdf))
    written.append(record)
    print(f"  wrote {_shown(published_as)} ({_pages(record.pages)})", flush=True)


def _pages(count: int) -> str:
    return f"{count} page" if count == 1 else f"{count} pages"


def _context(
    *,
    page: BuiltPage,
    layout: SiteLayout,
    edition: Edition,
    directory: Directory,
    strings: Strings,
    labels: Strings,
    css: str,
    today: datetime.date,
) -> PrintContext:
    language = page.language
    table, notes = directory.table, directory.notes
    helpbox = plan_helpbox(table, edition.country, language)
    sections = (
        [(edition.country, edition.country_label(language), table.for_country(edition.country))]
        if edition.country
        else []
    )
    international = table.for_country(INTERNATIONAL)
    if international:
        sections.append((INTERNATIONAL, strings["directory.international"], international))
    return PrintContext(
        brand=edition.brand_colour,
        language=language,
        direction=page.direction,
        site_name=page.site_name,
        layout=layout,
        strings=strings,
        labels=labels,
        organisation=edition.organisation,
        contact=edition.contact,
        printed_on=format_date(today, "long", locale=cldr_locale(language)),
        country_label=edition.country_label(language),
        helpbox=helpbox,
        notes=notes[language],
        sections=tuple(sections),
        css=css,
    )


def print_language(
    *,
    renderer: Renderer,
    site: Path,
    language: str,
    layout: SiteLayout,
    booklet_list: Sequence[Booklet],
    edition: Edition,
    directory: Directory,
    strings: Strings,
    labels: Strings,
    css: str,
    out: Path,
    today: datetime.date,
    published_as: Path | None = None,
) -> list[Written]:
    """Every document of one language, each written into `out` as soon as it is rendered.

    The records name the files as they will be once `out` is published as `published_as`.
    """
    cache: dict[str, BuiltPage] = {}
    final = out if published_as is None else published_as

    def page(src: str) -> BuiltPage:
        if src not in cache:
            path = site / layout.page_file(language, src)
            if not path.is_file():
                raise PrintError(f"{path}: missing from the build: expected the page docs/{language}/{src}")
            url = layout.page_url(language, src)
            cache[src] = read_page(path.read_text(encoding="utf-8"), src=src, url=url)
        return cache[src]

    home = page(HOME_PAGE)
    ctx = _context(
        page=home,
        layout=layout,
        edition=edition,
        directory=directory,
        strings=strings,
        labels=labels,
        css=css,
        today=today,
    )
    written: list[Written] = []

    def write(name: str, pdf: bytes) -> None:
        _write(out / language / name, pdf, written, final / language / name)

    for booklet in booklet_list:
        pages = [page(src) for src in booklet.pages]
        ids = [chapter_id for chapter_id, _ in toc_entries(pages, strings)]
        pdf = render_booklet(
            renderer,
            functools.partial(assemble_booklet, ctx, booklet, pages),
            ids,
            footer_template(pages[0].title, ctx.direction),
        )
        write(f"{booklet.name}.pdf", pdf)
    leaflet = render_leaflet(renderer, lambda size: assemble_leaflet(ctx, home, font_size=size), language)
    write("leaflet.pdf", leaflet)
    poster = render_poster(renderer, lambda size: assemble_poster(ctx, home, font_size=size), language)
    write("poster.pdf", poster)
    evidence = page(EVIDENCE_PAGE)
    checklist = renderer.pdf(
        assemble_checklist(ctx, evidence), footer=footer_template(labels["print.checklist"], ctx.direction)
    )
    write("evidence-checklist.pdf", checklist)
    return written


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="helpkit print",
        description="Write PDF booklets (one per audience), a one-page leaflet, a poster and an evidence "
        "checklist for every language, from the built site. Each carries a QR code and the address of the "
        "site (SITE_URL, else site_url in edition/settings.yml or mkdocs.yml: one must be set, https) unless "
        "--without-address is given.",
    )
    parser.add_argument("--site", type=Path, help="use this existing build instead of building the site")
    parser.add_argument(
        "--languages", help="comma-separated languages to print (default: SITE_LANGUAGES, else every language)"
    )
    parser.add_argument("--out", type=Path, default=Path("dist/print"), help="output folder (default: dist/print)")
    parser.add_argument(
        "--country", help="home country whose channels are printed (default: SITE_COUNTRY, else extra.country)"
    )
    parser.add_argument(
        WITHOUT_ADDRESS,
        action="store_true",
        help="print without QR codes and without the site's address, on purpose (otherwise no SITE_URL "
        "and an empty site_url stop the command)",
    )
    add_config_file(parser)
    return parser.parse_args(argv)


def address_to_print(
    configured: str, *, environ: Mapping[str, str], without_address: bool, origin: str = "mkdocs.yml: site_url"
) -> str:
    """The site's address the documents carry: SITE_URL, else site_url, checked as a build for
    publication checks it (https, a full address); nothing with --without-address (said once); a
    PrintError saying what to set when there is no address and the flag is not given."""
    if without_address:
        print(f"{WITHOUT_ADDRESS}: printing without QR codes and without the site's address.", flush=True)
        return ""
    if not (configured.strip() or environ.get("SITE_URL", "").strip()):
        raise PrintError(NO_SITE_URL)
    address, problems = site_address(configured, environ=environ, for_publication=True, origin=origin)
    if problems:
        raise PrintError("; ".join(problems))
    return address


def run(args: argparse.Namespace, into: Path | None = None) -> list[Written]:
    """Every document, written into `into` (default: `--out`) and recorded as under `--out`."""
    try:
        project = read_project(args.config_file)
    except ProjectError as error:
        raise PrintError(str(error)) from None
    environ = dict(os.environ)
    if args.country is not None:
        environ["SITE_COUNTRY"] = args.country
    if args.languages:
        environ["SITE_LANGUAGES"] = args.languages
    try:
        edition = edition_of(project, environ=environ)
        directory = read_directory(
            csv=project.channels_csv,
            notes=project.notes,
            languages=edition.languages,
            today=datetime.date.today(),
            country=edition.country,
            edition_csv=project.edition_channels_csv,
            edition_notes=project.edition_notes,
        )
    except (EditionError, ProblemsError) as error:
        message = str(error)
        if args.country is not None:
            message = message.replace("environment variable SITE_COUNTRY", "--country")
        if args.languages:
            message = message.replace("environment variable SITE_LANGUAGES", "--languages")
        raise PrintError(message) from None

    with tempfile.TemporaryDirectory(prefix="shk-print-") as temporary:
        if args.site:
            site = args.site.resolve()
            default = root_language(site)
            present = site_languages(site, project.languages, default)
            wanted = list(edition.languages) if (args.languages or environ.get("SITE_LANGUAGES")) else present
            absent = [code for code in wanted if code not in present]
            if absent:
                raise PrintError(f"{site}: no build of {', '.join(absent)}: expected one of {', '.join(present)}")
            languages = [code for code in present if code in wanted]
        # Before the build, which takes a while; after checking --site, whose problem comes first.
        site_url = address_to_print(
            edition.site_url, environ=environ, without_address=args.without_address, origin=edition.site_url_origin
        )
        if not args.site:
            site = Path(temporary) / "site"
            print(f"Building the site ({', '.join(edition.languages)})...", flush=True)
            build_site(project.root, site, languages=edition.languages, country=edition.country)
            default, languages = edition.languages[0], list(edition.languages)
        try:
            strings = load_strings(project.strings, languages, overrides=project.edition_strings)
            labels = load_strings(project.strings / "print", languages)
        except StringsError as error:
            raise PrintError(str(error)) from None
        layout = SiteLayout(default_language=default, site_url=site_url, directory_urls=project.directory_urls)
        try:
            booklet_list = booklets(project.nav)
        except ValueError as error:
            raise PrintError(str(error)) from None
        css = STYLESHEET.read_text(encoding="utf-8")
        written: list[Written] = []
        renderer = Renderer()
        try:
            for language in languages:
                print(f"{language}:", flush=True)
                written += print_language(
                    renderer=renderer,
                    site=site,
                    language=language,
                    layout=layout,
                    booklet_list=booklet_list,
                    edition=edition,
                    directory=directory,
                    strings=strings[language],
                    labels=labels[language],
                    css=css,
                    out=args.out if into is None else into,
                    today=datetime.date.today(),
                    published_as=args.out,
                )
        finally:
            renderer.close()
    return written


def _check_written(folder: Path, out: Path, written: Sequence[Written]) -> None:
    """Every document recorded is in the folder about to be published as `out`."""
    if not written:
        raise PrintError("no document was written")
    missing = [str(record.path) for record in written if not (folder / record.path.relative_to(out)).is_file()]
    if missing:
        raise PrintError(f"missing from the output: {', '.join(missing)}")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    interrupt_on_signals()
    # One run per output folder at a time, into a fresh folder swapped in whole (helpkit.publish):
    # a failed or interrupted run leaves the previous documents as they were.
    written: list[Written] = []

    def build(folder: Path) -> None:
        written.extend(run(args, into=folder))

    try:
        publish_folder(args.out, build, check=lambda folder: _check_written(folder, args.out, written))
    except (PrintError, ValueError) as error:
        print(f"error: {error}; {shown(args.out)} is unchanged", file=sys.stderr)
        return 1
    except PublishError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    print(f"Wrote {len(written)} files:")
    width = max(len(_shown(record.path)) for record in written)
    for record in written:
        print(f"  {_shown(record.path):<{width}}  {_pages(record.pages)}")
    return 0
