"""The "page not found" page, in each language: where to start again, and the help box below it."""

from __future__ import annotations

from markupsafe import Markup

from helpkit.i18n.strings import Strings


def render_not_found(*, strings: Strings, home_url: str) -> Markup:
    """The 404 page's text; a reader who followed a dead link may be the one who needs help most."""
    return Markup('<h1>{title}</h1><p>{text}</p><p class="shk-not-found__home"><a href="{home}">{link}</a></p>').format(
        title=strings["not_found.title"],
        text=strings["not_found.text"],
        home=home_url,
        link=strings["not_found.home_link"],
    )
