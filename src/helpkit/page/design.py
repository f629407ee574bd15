"""The site's own shapes, made from the HTML Python-Markdown writes: doors, step markers, next step.

The pages stay plain Markdown that translators can follow; what makes the start page's choices
large, distinct doors with an icon, a step's number a large marker, and a step page's last link a
clear "next step" is added here, the same way in every language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from typing import Any
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup

from helpkit.guide.path import FOLDER as GUIDE_FOLDER

# Each door's page (source path) and the Material Design icon shown on it (the theme's own copy,
# inlined: no icon font, nothing loaded).
DOOR_ICONS: Mapping[str, str] = {
    "threatened/index.md": "material/lifebuoy",
    "friends.md": "material/account-multiple-outline",
    "parents.md": "material/home-heart",
    "teachers.md": "material/school-outline",
    f"{GUIDE_FOLDER}/index.md": "material/chat-question-outline",
}
# The guided path's first question: the start page's invitation to it becomes a wide door.
GUIDE_PAGE = f"{GUIDE_FOLDER}/index.md"
HOME_PAGE = "index.md"

# Step pages are read by someone frightened, on a phone, top to bottom: a table of contents beside
# them is a manual's furniture. The long pages for adults keep theirs.
TOC_AUDIENCES = frozenset({"adult"})

_CARD = re.compile(r'(<li>\s*<p><strong><a href=")([^"]+)(")')
_INVITATION = re.compile(r'<p>((?:(?!</p>).)*?<a href="([^"]+)">(?:(?!</p>).)*?)</p>', re.DOTALL)
_STEP_HEADING = re.compile(r"(<h2\b[^>]*>)(\d{1,2}|[\u0660-\u0669]{1,2})([.)])\s+")
_NEXT_STEP = re.compile(r'(<h2\b[^>]*>[^<]*</h2>\s*)<p>(<a href="[^"]+">[^<]+</a>)</p>(\s*)$')


def shows_toc(meta: Mapping[str, object]) -> bool:
    return meta.get("audience") in TOC_AUDIENCES


def hide_toc(meta: MutableMapping[str, Any]) -> None:
    """Add `toc` to the page's `hide` list (Material's own switch) unless its readers need one."""
    if shows_toc(meta):
        return
    hidden = meta.get("hide")
    listed = list(hidden) if isinstance(hidden, list) else []
    if "toc" not in listed:
        meta["hide"] = [*listed, "toc"]


def icon_svg(source: str) -> Markup:
    """A theme icon's SVG as decoration: hidden from screen readers, never focusable."""
    svg = source.strip().replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return Markup('<span class="shk-door__icon">{}</span>').format(Markup(svg))


def _resolved(href: str, page_url: str) -> str:
    parts = urlsplit(urljoin("https://site.invalid/" + page_url, href))
    return parts.path.lstrip("/")


def mark_doors(content: str, *, page_url: str, icons: Mapping[str, Markup], wide: str = "") -> str:
    """Give each card of the start page that opens a door page its icon, and make the paragraph
    that invites to the guided path (`wide`, a site-relative address) a door of its own.

    `icons` maps the site-relative address of a door page ("fr/parents/") to its icon.
    """

    def card(found: re.Match[str]) -> str:
        icon = icons.get(_resolved(found[2], page_url))
        if icon is None:
            return found[0]
        return f'<li class="shk-door">{icon}<p><strong><a class="shk-door__link" href="{found[2]}"'

    def invitation(found: re.Match[str]) -> str:
        target = _resolved(found[2], page_url)
        # Only a paragraph whose one link is the guided path: it is the invitation itself.
        if not wide or target != wide or target not in icons or found[1].count("<a ") != 1:
            return found[0]
        link = found[1].replace("<a ", '<a class="shk-door__link" ', 1)
        return f'<p class="shk-door shk-door--wide">{icons[target]}{link}</p>'

    return _INVITATION.sub(invitation, _CARD.sub(card, content))


def mark_steps(content: str) -> str:
    """A numbered step heading ("2. Don't send more") gets its number as a large marker; the text
    stays "2. Don't send more" for a screen reader and in search."""

    def marker(found: re.Match[str]) -> str:
        stop = f'<span class="shk-visually-hidden">{found[3]}</span>'
        return f'{found[1]}<span class="shk-step-marker">{found[2]}{stop}</span> '

    return _STEP_HEADING.sub(marker, content)


def mark_next_step(content: str) -> str:
    """The last section of a step page, a heading and one link and nothing else, becomes a button."""

    def button(found: re.Match[str]) -> str:
        link = found[2].replace("<a ", '<a class="shk-next__link" ', 1)
        return f'{found[1]}<p class="shk-next">{link}</p>{found[3]}'

    return _NEXT_STEP.sub(button, content)
