"""Print documents assembled from the built site: booklets, a one-page leaflet, a poster, an evidence checklist.

Pure: built pages' HTML in, print HTML out; `make_print` renders it to PDF. Nothing here holds a
text of its own. Page texts come from each built page's <article>; the help box and the home
country's channels are rendered by `helpbox.render_helpbox` and `directory.render_section` from the
CSV; interface labels come from `data/strings/<lang>.yml`, and the few labels only paper needs
("Contents", "Scan to read this online"...) from `data/strings/print/<lang>.yml`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import segno
from bs4 import BeautifulSoup, NavigableString, Tag
from markupsafe import Markup

from helpkit.directory.channels import Channel
from helpkit.directory.helpbox import HelpBox, render_helpbox
from helpkit.directory.render import render_section
from helpkit.edition.colours import MINIMUM_CONTRAST, contrast_with_white
from helpkit.i18n.strings import Strings

HOME_PAGE = "index.md"
YOUNG_FIRST_PAGE = "threatened/index.md"
LEAVE_QUICKLY_PAGE = "leave-quickly.md"
EVIDENCE_PAGE = "threatened/keep-evidence.md"
DIRECTORY_PAGE = "directory.md"

# Parts of a page's <article> that belong to the screen, not to paper.
SCREEN_ONLY = (
    "[data-shk=helpbox]",
    "[data-shk=quick-exit]",
    ".headerlink",
    ".shk-translation",
    ".md-content__button",
    ".md-source-file",
)

# Every print document loads nothing: its styles are inline, its QR codes inline SVG.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_BASE = "https://site.invalid/"

# The leaflet's type size in points by default; make_print fits it to the side, and falls back on
# this size and smaller ones should the fitted one run to a second side.
LEAFLET_FONT_SIZE = 13.0
# The poster's type size in points (its steps; its title is 1.8 times this): make_print fits it to
# the side, up to POSTER_FONT_SIZE; read from across a corridor, never below POSTER_MIN_FONT_SIZE.
POSTER_FONT_SIZE = 22.0
POSTER_MIN_FONT_SIZE = 16.0

# The one-page documents' margins on A4, in mm: the poster's are narrower, for its large type.
A4 = (210.0, 297.0)
LEAFLET_MARGIN = {"top": 12.0, "bottom": 12.0, "left": 14.0, "right": 14.0}
POSTER_MARGIN = {"top": 10.0, "bottom": 10.0, "left": 10.0, "right": 10.0}

# Links on paper lead somewhere only when they hold a number, an address or a place in the document.
_PAPER_SCHEMES = ("https://", "http://", "tel:", "sms:", "mailto:", "#")


@dataclass(frozen=True)
class Booklet:
    """One audience's booklet: its file name and its pages (source paths, in reading order)."""

    name: str
    pages: tuple[str, ...]


def _nav_paths(entry: object) -> list[str]:
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, Mapping):
        return [path for value in entry.values() for path in _nav_paths(value)]
    if isinstance(entry, list):
        return [path for item in entry for path in _nav_paths(item)]
    return []


def section_pages(nav: Sequence[object], first: str) -> tuple[str, ...]:
    """The pages of the navigation section that holds `first`, in navigation order."""
    # A page is listed as `path` or as `title: path`; a nested section is `title: [...]`.
    direct = [item for item in nav if isinstance(item, str)]
    direct += [value for item in nav if isinstance(item, Mapping) for value in item.values() if isinstance(value, str)]
    if first in direct:
        return tuple(_nav_paths(list(nav)))
    for item in nav:
        if isinstance(item, Mapping):
            for value in item.values():
                if isinstance(value, list):
                    found = section_pages(value, first)
                    if found:
                        return found
    return ()


def booklets(nav: Sequence[object]) -> tuple[Booklet, ...]:
    """The four booklets; the young person's follows the navigation's "I'm being threatened" section."""
    steps = section_pages(nav, YOUNG_FIRST_PAGE)
    if not steps or steps[0] != YOUNG_FIRST_PAGE:
        raise ValueError(f"mkdocs.yml: nav: expected a section that opens with {YOUNG_FIRST_PAGE}")
    return (
        Booklet("young-person", (*steps, LEAVE_QUICKLY_PAGE)),
        Booklet("friend", ("friends.md", "threatened/tell-someone.md", EVIDENCE_PAGE)),
        Booklet(
            "parent-carer",
            (
                "parents.md",
                "threatened/stop.md",
                EVIDENCE_PAGE,
                "threatened/remove-images.md",
                "threatened/how-scams-work.md",
                "prevention.md",
            ),
        ),
        Booklet("teacher", ("teachers.md", "parents.md")),
    )


@dataclass(frozen=True)
class SiteLayout:
    """Where a built site puts each language's pages, and where they are online."""

    default_language: str
    site_url: str = ""
    directory_urls: bool = True

    def page_url(self, language: str, src: str) -> str:
        """A page's address relative to the site's root: ('fr', 'threatened/index.md') -> 'fr/threatened/'."""
        prefix = "" if language == self.default_language else f"{language}/"
        stem = src.removesuffix(".md")
        if not self.directory_urls:
            return f"{prefix}{stem}.html"
        if stem == "index" or stem.endswith("/index"):
            return prefix + stem.removesuffix("index")
        return f"{prefix}{stem}/"

    def page_file(self, language: str, src: str) -> str:
        """The built file of a page, relative to the site folder."""
        url = self.page_url(language, src)
        return url + "index.html" if url == "" or url.endswith("/") else url

    def online(self, url: str) -> str:
        """The full online address of a site-relative address; empty when site_url is not set."""
        if not self.site_url:
            return ""
        return self.site_url.rstrip("/") + "/" + url


def printable_area(margin: Mapping[str, float]) -> tuple[float, float]:
    """The width and the height (mm) inside these margins on A4."""
    return A4[0] - margin["left"] - margin["right"], A4[1] - margin["top"] - margin["bottom"]


def online_url(layout: SiteLayout, language: str, src: str) -> str:
    """The address a print document's QR code opens: the online page it starts with."""
    return layout.online(layout.page_url(language, src))


def make_qr(url: str) -> segno.QRCode:
    """The QR code of an address (error correction M or better, never a Micro QR)."""
    return segno.make(url, error="m", micro=False)


def qr_svg(url: str) -> Markup:
    """The QR code of `url` as inline SVG, black on white, sized by the stylesheet."""
    svg = make_qr(url).svg_inline(
        scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="shk-qr__code", lineclass=None
    )
    # The label and the address written beside it say what the code holds.
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" ', 1))


def display_address(url: str) -> str:
    """An address as a reader types it: no https://, no trailing slash after a bare host."""
    shown = url.removeprefix("https://")
    return shown[:-1] if shown.endswith("/") and shown.count("/") == 1 else shown


@dataclass(frozen=True)
class BuiltPage:
    """One page of the built site, reduced to what paper needs."""

    src: str
    url: str
    language: str
    direction: str
    site_name: str
    title: str
    article: str


def read_page(html: str, *, src: str, url: str) -> BuiltPage:
    """A built page's <article> without the parts that belong to the screen."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article")
    if not isinstance(article, Tag):
        raise ValueError(f"{url or '/'}: expected an <article> in the built page")
    for selector in SCREEN_ONLY:
        for tag in article.select(selector):
            tag.decompose()
    heading = article.find("h1")
    root = soup.find("html")
    topic = soup.select_one(".md-header__topic .md-ellipsis")
    return BuiltPage(
        src=src,
        url=url,
        language=str(root.get("lang", "")) if isinstance(root, Tag) else "",
        direction=str(root.get("dir", "ltr")) if isinstance(root, Tag) else "ltr",
        site_name=_text(topic) if topic else "",
        title=_text(heading) if isinstance(heading, Tag) else "",
        article=article.decode_contents(),
    )


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def _fragment(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def relink(
    soup: Tag,
    *,
    page_url: str,
    layout: SiteLayout,
    targets: Mapping[str, str] | None = None,
    own: str = "",
) -> None:
    """Make a page's links work on paper and in the PDF.

    Links to a page printed in the same document become links inside it (`#c3`, `#c3-crisis`);
    links to other pages of the site become full online addresses, or plain text without site_url.
    """
    targets = targets or {}
    for anchor in soup.find_all("a", href=True):
        href = str(anchor["href"])
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            continue
        if href.startswith("#"):
            if own:
                anchor["href"] = f"#{own}-{href[1:]}" if href[1:] else f"#{own}"
            continue
        resolved = urlsplit(urljoin(_BASE + page_url, href))
        path, fragment = resolved.path.lstrip("/"), resolved.fragment
        if path in targets:
            anchor["href"] = f"#{targets[path]}-{fragment}" if fragment else f"#{targets[path]}"
        elif layout.site_url:
            anchor["href"] = layout.online(path) + (f"#{fragment}" if fragment else "")
        else:
            anchor.unwrap()


def show_addresses(soup: Tag) -> None:
    """Print every web address beside its link, unless the link's text already is the address."""
    for anchor in soup.find_all("a", href=True):
        href = str(anchor["href"])
        classes = list(anchor.get_attribute_list("class"))
        if not href.startswith(("https://", "http://")) or "shk-print-link" in classes:
            continue
        anchor["class"] = " ".join([*classes, "shk-print-link"])
        shown = display_address(href)
        if _text(anchor) in (shown, href, shown.rstrip("/")):
            continue
        address = Tag(name="span", attrs={"class": "shk-print-url"})
        # The brackets go inside the left-to-right isolate with the address: outside it, in a
        # right-to-left paragraph, each bracket takes its direction from its own neighbours, and
        # the two can end up apart, facing the wrong way, or together before the address in the
        # PDF's text (what a screen reader reads and a reader copies).
        bdi = Tag(name="bdi", attrs={"dir": "ltr"})
        bdi.string = f"({shown})"
        address.append(NavigableString(" "))
        address.append(bdi)
        anchor.insert_after(address)


def unlink_dead_ends(soup: Tag) -> None:
    """Turn into plain text every link that leads nowhere on paper.

    A link to a number, an address (written out beside it by show_addresses) or a place in the same
    document stays; any other link (a page of the site without site_url, a control of the screen)
    would print as words that promise something the paper does not hold.
    """
    for anchor in soup.find_all("a"):
        if not str(anchor.get("href", "")).startswith(_PAPER_SCHEMES):
            anchor.unwrap()


def group_steps(soup: BeautifulSoup) -> None:
    """Wrap each <h2> and what follows it in a <section>, which the stylesheet keeps on one page."""
    group: Tag | None = None
    for child in list(soup.children):
        if isinstance(child, Tag) and child.name in ("h1", "h2"):
            group = None
            if child.name == "h2":
                group = soup.new_tag("section", attrs={"class": "shk-step"})
                child.insert_before(group)
                group.append(child.extract())
            continue
        if group is not None:
            group.append(child.extract())


@dataclass(frozen=True)
class PrintContext:
    """Everything a language's print documents share."""

    language: str
    direction: str
    site_name: str
    layout: SiteLayout
    strings: Strings
    labels: Strings
    organisation: str
    contact: str
    printed_on: str
    country_label: str
    helpbox: HelpBox
    # Row id -> the reader's note, in this language.
    notes: Mapping[str, str]
    # (code, title, channels) of each directory section printed: the home country's, then INT's.
    sections: tuple[tuple[str, str, tuple[Channel, ...]], ...]
    css: str
    # The edition's colour (extra.brand_colour, #rrggbb), for rules, bands and step numbers.
    brand: str = "#000000"

    def label(self, key: str) -> str:
        return self.labels[f"print.{key}"]


def brand_palette(brand: str) -> dict[str, str]:
    """The print stylesheet's colours from the edition's brand colour (#rrggbb).

    The colour itself draws rules, borders and bands, which carry no meaning of their own; text on a
    band is white where white on the colour reaches MINIMUM_CONTRAST, black otherwise (black then
    has 21 / ratio > 4.6:1 on it), and text in the colour on white paper (step numbers) falls back
    to black the same way. On a black-and-white copy a band prints as a grey of the same lightness:
    the text on it keeps its contrast.
    """
    ratio = contrast_with_white(brand)
    readable = ratio >= MINIMUM_CONTRAST
    return {
        "--shk-brand": brand.lower(),
        "--shk-on-brand": "#fff" if readable else "#000",
        "--shk-brand-text": brand.lower() if readable else "#000",
    }


def palette_css(brand: str) -> str:
    return ":root{" + "".join(f"{name}:{value};" for name, value in brand_palette(brand).items()) + "}"


def crisis_first(box: HelpBox) -> HelpBox:
    """The box with the line for someone who can't cope first, the others in the box's order."""
    crisis = tuple(line for line in box.lines if line[0] == "crisis")
    return dataclasses.replace(box, lines=(*crisis, *(line for line in box.lines if line[0] != "crisis")))


def help_box(ctx: PrintContext, *, directory_url: str, box: HelpBox | None = None) -> Markup:
    """The site's help box, rendered by helpbox.render_helpbox; without a directory link nowhere to go."""
    rendered = render_helpbox(
        box=box or ctx.helpbox, strings=ctx.strings, language=ctx.language, directory_url=directory_url
    )
    soup = _fragment(str(rendered))
    if not directory_url:
        for tag in soup.select(".shk-helpbox__more"):
            tag.decompose()
    unlink_dead_ends(soup)
    show_addresses(soup)
    return Markup(str(soup))


def contacts(ctx: PrintContext, chapter: str) -> Markup:
    """The home country's directory section (and the international one), as the last chapter."""
    sections = Markup("").join(
        render_section(code, title, channels, ctx.strings, ctx.language, ctx.notes)
        for code, title, channels in ctx.sections
    )
    soup = _fragment(str(sections))
    for tag in soup.find_all(id=True):
        tag["id"] = f"{chapter}-{tag['id']}"
    show_addresses(soup)
    return Markup(
        '<section class="shk-chapter shk-contacts" id="{}"><h1>{}</h1><p class="shk-note">{}</p>{}</section>'
    ).format(chapter, ctx.strings["directory.title"], ctx.strings["directory.check_note"], Markup(str(soup)))


def qr_block(ctx: PrintContext, url: str, label_key: str) -> Markup:
    """The QR code with what it does and the address written out; nothing without an address."""
    if not url:
        return Markup("")
    return Markup(
        '<div class="shk-qr">{svg}<p class="shk-qr__label">{label}</p>'
        '<p class="shk-qr__address"><bdi dir="ltr">{address}</bdi></p></div>'
    ).format(svg=qr_svg(url), label=ctx.label(label_key), address=display_address(url))


def imprint(ctx: PrintContext) -> Markup:
    """Who publishes this, how to reach them, and when it was printed (numbers change)."""
    contact = Markup(" · <bdi>{}</bdi>").format(ctx.contact) if ctx.contact else ""
    return Markup('<p class="shk-imprint">{} <bdi>{}</bdi>{} · {}</p>').format(
        ctx.strings["footer.published_by"],
        ctx.organisation,
        contact,
        ctx.label("printed_on").format(date=ctx.printed_on),
    )


def document(
    ctx: PrintContext,
    *,
    kind: str,
    title: str,
    body: Markup | str,
    font_size: float | None = None,
    room: float | None = None,
) -> str:
    """A complete, self-contained print HTML document in the language's direction.

    `font_size` (points) is the body's type size; `room` (mm) the height of a one-page document's
    printable area, which its stylesheet fills on paper (--shk-room).
    """
    style = "".join(
        part for part in (f"font-size:{font_size:g}pt;" if font_size else "", f"--shk-room:{room:g}mm;" if room else "")
    )
    attribute = Markup(' style="{}"').format(style) if style else Markup("")
    return str(
        Markup(
            '<!doctype html>\n<html lang="{lang}" dir="{dir}"><head><meta charset="utf-8">'
            '<meta http-equiv="Content-Security-Policy" content="{csp}">'
            "<title>{title}</title><style>{css}{palette}</style></head>"
            '<body class="shk-print shk-print--{kind}"{style}>{body}</body></html>\n'
        ).format(
            style=attribute,
            lang=ctx.language,
            dir=ctx.direction,
            csp=CSP,
            title=title,
            css=Markup(ctx.css),
            # Checked as #rrggbb by helpkit.edition.colours: nothing here can close the <style>.
            palette=Markup(palette_css(ctx.brand)),
            kind=kind,
            body=Markup(body),
        )
    )


def chapter(page: BuiltPage, chapter_id: str, *, layout: SiteLayout, targets: Mapping[str, str]) -> Markup:
    """One page of the site as a chapter: ids made unique, links made to work on paper."""
    soup = _fragment(page.article)
    for tag in soup.find_all(id=True):
        tag["id"] = f"{chapter_id}-{tag['id']}"
    relink(soup, page_url=page.url, layout=layout, targets=targets, own=chapter_id)
    show_addresses(soup)
    group_steps(soup)
    return Markup('<section class="shk-chapter" id="{}">{}</section>').format(chapter_id, Markup(str(soup)))


def toc_entries(pages: Sequence[BuiltPage], strings: Strings) -> list[tuple[str, str]]:
    """(chapter id, title) of every chapter of a booklet, the contacts last."""
    entries = [(f"c{number}", page.title) for number, page in enumerate(pages, 1)]
    entries.append((f"c{len(pages) + 1}", strings["directory.title"]))
    return entries


def assemble_booklet(
    ctx: PrintContext,
    booklet: Booklet,
    pages: Sequence[BuiltPage],
    page_numbers: Mapping[str, int] | None = None,
) -> str:
    """A booklet: cover with the help box, contents, one chapter per page, the contacts last.

    `page_numbers` (chapter id -> page) fills the contents' page column; without it the column is
    left empty at the same width, so that a first render can measure where each chapter falls.
    """
    entries = toc_entries(pages, ctx.strings)
    targets = {page.url: chapter_id for (chapter_id, _), page in zip(entries, pages, strict=False)}
    contacts_id = entries[-1][0]
    title = pages[0].title
    cover = Markup(
        '<section class="shk-cover"><p class="shk-band">{site}</p><h1 class="shk-cover__title">{title}</h1>'
        "{qr}{helpbox}{imprint}</section>"
    ).format(
        site=ctx.site_name,
        title=title,
        qr=qr_block(ctx, ctx.layout.online(pages[0].url), "scan_page"),
        helpbox=help_box(ctx, directory_url=f"#{contacts_id}"),
        imprint=imprint(ctx),
    )
    numbers = page_numbers or {}
    rows = Markup("").join(
        Markup(
            '<li><a href="#{id}"><span class="shk-toc__title">{title}</span><span class="shk-toc__leader"></span>'
            '<span class="shk-toc__page">{page}</span></a></li>'
        ).format(id=chapter_id, title=chapter_title, page=numbers.get(chapter_id, ""))
        for chapter_id, chapter_title in entries
    )
    toc = Markup('<nav class="shk-toc" aria-labelledby="shk-toc-title"><h2 id="shk-toc-title">{}</h2><ul>{}</ul></nav>')
    chapters = Markup("").join(
        chapter(page, chapter_id, layout=ctx.layout, targets=targets)
        for (chapter_id, _), page in zip(entries, pages, strict=False)
    )
    body = cover + toc.format(ctx.label("contents"), rows) + chapters + contacts(ctx, contacts_id)
    return document(ctx, kind=f"booklet shk-print--{booklet.name}", title=title, body=body)


def first_steps(page: BuiltPage) -> tuple[str, Markup, Markup, Markup]:
    """From the start page: its title, its opening paragraph, its second heading and the list under it."""
    soup = _fragment(page.article)
    headings = soup.find_all(re.compile(r"^h[1-6]$"))
    if len(headings) < 2:
        raise ValueError(f"{page.url or '/'}: expected the start page's first steps under its second heading")
    heading = headings[1]
    steps = heading.find_next_sibling(["ol", *(f"h{level}" for level in range(1, 7))])
    if not isinstance(steps, Tag) or steps.name != "ol":
        raise ValueError(f"{page.url or '/'}: expected an ordered list under the heading {_text(heading)!r}")
    opening = headings[0].find_next_sibling("p")
    for anchor in steps.find_all("a"):
        anchor.name = "strong"
        anchor.attrs = {}
    return (
        page.title,
        Markup(opening.decode_contents()) if isinstance(opening, Tag) else Markup(""),
        Markup(heading.decode_contents()),
        Markup(str(steps)),
    )


def assemble_leaflet(ctx: PrintContext, home: BuiltPage, *, font_size: float = LEAFLET_FONT_SIZE) -> str:
    """One A4 side: the start page's first steps, the help box and a QR code to the site.

    Every size on the leaflet follows `font_size` (points), which a caller fits to the page; on
    paper the help box takes what height is left, so that the side is filled in every language.
    """
    directory = ctx.layout.online(ctx.layout.page_url(ctx.language, DIRECTORY_PAGE))
    return one_page_document(
        ctx,
        home,
        kind="leaflet",
        template=LEAFLET,
        helpbox=help_box(ctx, directory_url=directory),
        font_size=font_size,
        margin=LEAFLET_MARGIN,
    )


LEAFLET = Markup(
    '<header class="shk-leaflet__head"><p class="shk-band">{site}</p><h1>{title}</h1>'
    '<p class="shk-leaflet__opening">{opening}</p></header>'
    '<section class="shk-leaflet__steps"><h2>{heading}</h2>{steps}</section>{helpbox}'
    '<footer class="shk-leaflet__foot">{qr}{imprint}</footer>'
)
# The code beside the title rather than under the box: A4 in 16 pt type has no room for a line of
# 50 mm at the foot.
POSTER = Markup(
    '<p class="shk-band">{site}</p><header class="shk-poster__head"><div class="shk-poster__title">'
    '<h1>{title}</h1><p class="shk-poster__opening">{opening}</p></div>{qr}</header>'
    '<section class="shk-poster__steps"><h2>{heading}</h2>{steps}</section>{helpbox}'
    '<footer class="shk-poster__foot">{imprint}</footer>'
)


def one_page_document(
    ctx: PrintContext,
    home: BuiltPage,
    *,
    kind: str,
    template: Markup,
    helpbox: Markup,
    font_size: float,
    margin: Mapping[str, float],
) -> str:
    """A document of one A4 side from the start page's first steps, `helpbox`, a QR code to the
    site and the imprint, laid out by `template`; its stylesheet fills the printable area inside
    `margin`."""
    title, opening, heading, steps = first_steps(home)
    body = template.format(
        site=ctx.site_name,
        title=title,
        opening=opening,
        heading=heading,
        steps=steps,
        helpbox=helpbox,
        qr=qr_block(ctx, ctx.layout.online(home.url), "scan_site"),
        imprint=imprint(ctx),
    )
    return document(
        ctx, kind=f"{kind} shk-onepage", title=title, body=body, font_size=font_size, room=printable_area(margin)[1]
    )


def assemble_poster(ctx: PrintContext, home: BuiltPage, *, font_size: float = POSTER_FONT_SIZE) -> str:
    """An A4 poster for a corridor: the start page's title and first steps, a large QR code to the
    site beside the title, the help box's lines with the one for someone who can't cope first, and
    the imprint.

    Every size follows `font_size` (points, the size of the steps), which a caller fits to the page.
    The box's link to the directory is left out, the QR code and the address lead to the site;
    except in an international edition, whose box sends readers to the full list for their country.
    """
    directory = "" if ctx.helpbox.country else ctx.layout.online(ctx.layout.page_url(ctx.language, DIRECTORY_PAGE))
    return one_page_document(
        ctx,
        home,
        kind="poster",
        template=POSTER,
        helpbox=help_box(ctx, directory_url=directory, box=crisis_first(ctx.helpbox)),
        font_size=font_size,
        margin=POSTER_MARGIN,
    )


def _is_navigation(parts: Sequence[Tag]) -> bool:
    """A section that only links on (the "Next step" at the end of a step page)."""
    return bool(parts) and all(
        part.name == "p" and len(part.find_all("a")) == 1 and _text(part) == _text(part.find("a"))  # type: ignore[arg-type]
        for part in parts
    )


def _box(soup: BeautifulSoup) -> Tag:
    return soup.new_tag("span", attrs={"class": "shk-box", "aria-hidden": "true"})


def checklist_steps(page: BuiltPage, *, layout: SiteLayout) -> tuple[Markup, list[Markup]]:
    """The evidence page's introduction, and each of its steps as a checklist item.

    Items of a list inside a step get a box each and a line to write on; a section that only links
    to the next page is left out.
    """
    soup = _fragment(page.article)
    intro: list[str] = []
    steps: list[tuple[Tag, list[Tag]]] = []
    for child in list(soup.children):
        if not isinstance(child, Tag) or child.name == "h1":
            continue
        if child.name == "h2":
            steps.append((child, []))
        elif steps:
            steps[-1][1].append(child)
        else:
            intro.append(str(child))
    items = []
    for heading, parts in steps:
        if _is_navigation(parts):
            continue
        for part in parts:
            relink(part, page_url=page.url, layout=layout)
            show_addresses(part)
            if part.name == "ul":
                part.attrs = {"class": "shk-fill-list"}
                for listed in part.find_all("li", recursive=False):
                    text = soup.new_tag("span", attrs={"class": "shk-fill__text"})
                    for content in list(listed.contents):
                        text.append(content.extract())
                    listed.attrs = {"class": "shk-fill"}
                    listed.extend([_box(soup), text, soup.new_tag("span", attrs={"class": "shk-line"})])
        heading.attrs = {}
        items.append(
            Markup('<li class="shk-check">{box}<div class="shk-check__body">{heading}{parts}</div></li>').format(
                box=Markup(str(_box(soup))),
                heading=Markup(str(heading)),
                parts=Markup("").join(Markup(str(part)) for part in parts),
            )
        )
    return Markup("".join(intro)), items


def assemble_checklist(ctx: PrintContext, page: BuiltPage) -> str:
    """The evidence page as a checklist to tick and fill in, with lines for notes and the help box."""
    intro, items = checklist_steps(page, layout=ctx.layout)
    title = ctx.label("checklist")
    lines = Markup("").join(Markup('<span class="shk-line" aria-hidden="true"></span>') for _ in range(5))
    body = Markup(
        '<header class="shk-checklist__head"><div><p class="shk-band">{site}</p><h1>{title}</h1>'
        '<p class="shk-checklist__page">{page}</p></div>{qr}</header>'
        '<div class="shk-checklist__intro">{intro}</div><p class="shk-checklist__hint">{hint}</p>'
        '<ul class="shk-checklist">{items}</ul>'
        '<section class="shk-notes"><h2>{notes}</h2>{lines}</section>{helpbox}{imprint}'
    ).format(
        site=ctx.site_name,
        title=title,
        page=page.title,
        qr=qr_block(ctx, ctx.layout.online(page.url), "scan_page"),
        intro=intro,
        hint=ctx.label("checklist_hint"),
        items=Markup("").join(items),
        notes=ctx.label("notes"),
        lines=lines,
        helpbox=help_box(
            ctx,
            directory_url=ctx.layout.online(ctx.layout.page_url(ctx.language, DIRECTORY_PAGE)),
        ),
        imprint=imprint(ctx),
    )
    return document(ctx, kind="checklist", title=f"{title}: {page.title}", body=body)


def footer_template(title: str, direction: str) -> str:
    """Chromium's page footer: the document's title and `page / pages`, in the page's direction."""
    return str(
        Markup(
            '<div dir="{dir}" style="width:100%;box-sizing:border-box;padding:0 15mm;display:flex;'
            "justify-content:space-between;gap:8mm;font-size:8pt;color:#000;"
            "font-family:'Noto Sans','Noto Sans Arabic','DejaVu Sans',sans-serif\">"
            '<span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis">{title}</span>'
            '<span dir="ltr" style="white-space:nowrap"><span class="pageNumber"></span> / '
            '<span class="totalPages"></span></span></div>'
        ).format(dir=direction, title=title)
    )
