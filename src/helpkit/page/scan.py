"""What a finished page runs, loads and links to, read with an HTML parser rather than patterns.

A page's HTML comes from the theme's templates, from Markdown that translators and editors write,
and from data. Only the templates may run code: the checks here find every script, event handler,
`javascript:` address and resource from another origin, wherever and however it is written, so
that the build can refuse the page instead of hashing what an editor slipped in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Script types a browser does not run: data blocks such as Material's <script type="application/json">.
DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json"})

# The attributes through which an element makes the browser fetch something.
_RESOURCE_ATTRIBUTES = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
}
# <link> fetches for these relations; canonical and alternate only name an address.
_LOADING_LINK_RELS = frozenset(
    {
        "stylesheet",
        "icon",
        "shortcut",
        "apple-touch-icon",
        "preload",
        "prefetch",
        "modulepreload",
        "manifest",
        "preconnect",
        "dns-prefetch",
        "prerender",
        "mask-icon",
    }
)
# Every attribute a browser reads as an address it may navigate to or run.
_URL_ATTRIBUTES = frozenset(
    {"href", "src", "srcset", "action", "formaction", "data", "poster", "xlink:href", "background", "ping", "cite"}
)
_RUNNABLE_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:application/xhtml")
# Elements that no page of this site needs and that act on the reader without a script (Material's
# search field is a <form>, which the policy's form-action 'none' keeps from sending anything).
_REFUSED_ELEMENTS = frozenset({"iframe", "frame", "object", "embed", "base", "applet"})
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.IGNORECASE)
# Browsers drop these anywhere in an address before reading its scheme.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class StartTag:
    """An element's opening tag, where it stands in the page, and its attributes as parsed."""

    name: str
    attributes: tuple[tuple[str, str], ...]
    start: int
    end: int

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.attributes if key == name), None)


@dataclass(frozen=True)
class Script:
    """An inline script: its type ('' when none) and its exact text, as a browser would hash it."""

    type: str
    text: str

    @property
    def runs(self) -> bool:
        return self.type.strip().lower() not in DATA_SCRIPT_TYPES


@dataclass(frozen=True)
class Scan:
    tags: tuple[StartTag, ...]
    scripts: tuple[Script, ...]
    styles: tuple[str, ...]


class _Scanner(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", page)]
        self.tags: list[StartTag] = []
        self.scripts: list[Script] = []
        self.styles: list[str] = []
        self._open: tuple[str, str] | None = None  # ("script", type) or ("style", "") while inside
        self._text: list[str] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        attributes = tuple((name, value or "") for name, value in attrs)
        found = StartTag(tag, attributes, start, start + len(raw))
        self.tags.append(found)
        if tag == "script" and found.get("src") is None:
            self._open, self._text = ("script", found.get("type") or ""), []
        elif tag == "style":
            self._open, self._text = ("style", ""), []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style"):
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == self._open[0]:
            text = "".join(self._text)
            if tag == "script":
                self.scripts.append(Script(self._open[1], text))
            else:
                self.styles.append(text)
            self._open = None


def scan(page: str) -> Scan:
    """Every opening tag, inline script and style sheet of a page."""
    scanner = _Scanner(page)
    scanner.feed(page)
    scanner.close()
    return Scan(tuple(scanner.tags), tuple(scanner.scripts), tuple(scanner.styles))


def is_other_origin(address: str, *, own_origin: str = "") -> bool:
    """True for an address on another site: one with a scheme or a host, unless it is `own_origin`."""
    parts = urlsplit(_IGNORED_IN_SCHEME.sub("", address))
    if not parts.scheme and not parts.netloc:
        return False
    if own_origin and f"{parts.scheme}://{parts.netloc}".lower() == own_origin.lower():
        return False
    return not (parts.scheme.lower() == "data" and address.lstrip().lower().startswith("data:image/"))


def _addresses(attribute: str, value: str) -> list[str]:
    if attribute == "srcset":
        return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
    return [value]


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def page_problems(found: Scan, *, own_scripts: Sequence[re.Pattern[str]], own_origin: str = "") -> list[str]:
    """What in the page was not written by the build's own templates, one line each.

    `own_scripts` are the inline scripts the theme's templates contain (see csp.theme_scripts); any
    other runnable inline script, any event-handler attribute, any address that runs code and any
    resource fetched from another origin is a problem.
    """
    problems: list[str] = []
    for script in found.scripts:
        if script.runs and not any(pattern.fullmatch(script.text) for pattern in own_scripts):
            problems.append(f"an inline script the theme did not write: <script>{_short(script.text)}</script>")
    for tag in found.tags:
        if tag.name in _REFUSED_ELEMENTS:
            problems.append(f"a <{tag.name}> element: expected none (this site embeds nothing)")
        if tag.name == "meta" and (tag.get("http-equiv") or "").lower() not in ("", "content-security-policy"):
            problems.append(f"<meta http-equiv={tag.get('http-equiv')!r}>: expected none (it can redirect readers)")
        for name, value in tag.attributes:
            if name.startswith("on"):
                problems.append(f"<{tag.name} {name}=…>: an event-handler attribute runs a script; expected none")
            elif name in _URL_ATTRIBUTES and _IGNORED_IN_SCHEME.sub("", value).lower().startswith(_RUNNABLE_SCHEMES):
                problems.append(f"<{tag.name} {name}={_short(value, 40)!r}>: expected an address that runs no code")
            elif name == "style":
                problems.extend(_css_problems(value, f"<{tag.name} style=…>", own_origin))
        problems.extend(_resource_problems(tag, own_origin))
    for style in found.styles:
        problems.extend(_css_problems(style, "<style>", own_origin))
    return problems


def _resource_problems(tag: StartTag, own_origin: str) -> list[str]:
    attributes = _RESOURCE_ATTRIBUTES.get(tag.name, ())
    if tag.name == "link" and _LOADING_LINK_RELS & set((tag.get("rel") or "").lower().split()):
        attributes = ("href",)
    problems = []
    for attribute in attributes:
        value = tag.get(attribute)
        for address in _addresses(attribute, value) if value else ():
            if is_other_origin(address, own_origin=own_origin):
                problems.append(
                    f"<{tag.name} {attribute}={_short(address, 60)!r}>: a resource from another site; "
                    "expected a file of this site (nothing may be loaded from elsewhere)"
                )
    return problems


def _css_problems(css: str, where: str, own_origin: str) -> list[str]:
    return [
        f"{where}: {_short(address, 60)!r}: a resource from another site; expected a file of this site"
        for address in _CSS_URL.findall(css)
        if is_other_origin(address, own_origin=own_origin)
    ]


def _is_web_link(address: str) -> bool:
    # tel:, sms: and mailto: open another program, which is told nothing about the page.
    parts = urlsplit(_IGNORED_IN_SCHEME.sub("", address))
    return bool(parts.netloc) and parts.scheme.lower() in ("", "http", "https")


def _rebuild(tag: StartTag, attributes: Iterable[tuple[str, str]]) -> str:
    written = "".join(f' {name}="{escape(value, quote=True)}"' for name, value in attributes)
    return f"<{tag.name}{written}>"


def protect_external_links(page: str, found: Scan, *, own_origin: str = "") -> str:
    """Every link to another site gets rel="noopener noreferrer": it learns nothing about this one.

    The parser finds links however their attributes are quoted; only the tags that change are
    written anew, the rest of the page stays byte for byte.
    """
    edits: list[tuple[int, int, str]] = []
    for tag in found.tags:
        href = tag.get("href")
        if (
            tag.name != "a"
            or href is None
            or not _is_web_link(href)
            or not is_other_origin(href, own_origin=own_origin)
        ):
            continue
        tokens = (tag.get("rel") or "").split()
        missing = [token for token in ("noopener", "noreferrer") if token not in tokens]
        if not missing:
            continue
        attributes = [(name, value) for name, value in tag.attributes if name != "rel"]
        edits.append((tag.start, tag.end, _rebuild(tag, [*attributes, ("rel", " ".join(tokens + missing))])))
    for start, end, text in reversed(edits):
        page = page[:start] + text + page[end:]
    return page
