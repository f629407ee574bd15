"""The page "Report it on the app": what to write in a report, what to do before and after, then
each platform's own help pages, labelled by purpose in the reader's language.

Everything from the data or the strings goes through markupsafe (helpkit.html): a note or a label
that holds markup comes out as text, and a link opens only an https address.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from babel.dates import format_date
from markupsafe import Markup

from helpkit.directory.countries import cldr_locale
from helpkit.html import link
from helpkit.i18n.strings import Strings
from helpkit.platforms.pages import PlatformPage, PlatformTable

# What a reader can say in a report, each with why it helps; in the order the page lists them.
REPORT_LINES = ("under_18", "me_in_picture", "no_consent", "threatening")
# Before and after reporting, in the order they happen.
REMINDERS = ("evidence_first", "report_then_block", "images", "police")


def platform_anchor(platform: str) -> str:
    """'Google Search' -> 'platform-google-search'."""
    return "platform-" + re.sub(r"[^a-z0-9]+", "-", platform.casefold()).strip("-")


def _link(page: PlatformPage, strings: Strings, language: str, notes: Mapping[str, str]) -> Markup:
    checked = (
        Markup('<p class="shk-platform__checked">{}: {}</p>').format(
            strings["platforms.last_checked"], format_date(page.verified, "long", locale=cldr_locale(language))
        )
        if page.verified is not None
        else ""
    )
    return Markup(
        '<li class="shk-platform__page"><p class="shk-platform__link">{link}</p><p>{note}</p>{checked}</li>'
    ).format(
        link=link(page.url, strings[f"platforms.purposes.{page.purpose}"], external=True),
        note=notes[page.id],
        checked=checked,
    )


def render_platform(
    platform: str, pages: tuple[PlatformPage, ...], strings: Strings, language: str, notes: Mapping[str, str]
) -> Markup:
    # The platform's name is the same in every language: the app shows it that way.
    return Markup(
        '<section class="shk-platform" id="{id}"><h3>{name}</h3><ul class="shk-platform__pages">{pages}</ul></section>'
    ).format(
        id=platform_anchor(platform),
        name=platform,
        pages=Markup("").join(_link(page, strings, language, notes) for page in pages),
    )


def render_report_page(table: PlatformTable, *, strings: Strings, notes: Mapping[str, str], language: str) -> Markup:
    """The page's body, below its title."""
    grouped = table.by_platform()
    jump = Markup(
        '<nav class="shk-platform-index" aria-labelledby="platform-index"><p id="platform-index">{label}</p>'
        "<ul>{items}</ul></nav>"
    ).format(
        label=strings["platforms.jump"],
        items=Markup("").join(
            Markup('<li><a href="#{}">{}</a></li>').format(platform_anchor(platform), platform)
            for platform, _ in grouped
        ),
    )
    lines = Markup("").join(
        Markup("<li><strong>{}</strong> {}</li>").format(
            strings[f"platforms.write.{line}"], strings[f"platforms.write.{line}_why"]
        )
        for line in REPORT_LINES
    )
    reminders = Markup("").join(
        Markup("<li>{}</li>").format(strings[f"platforms.reminders.{item}"]) for item in REMINDERS
    )
    return Markup(
        "<p>{intro}</p>{jump}"
        '<h2 id="what-to-write">{write_title}</h2><p>{write_intro}</p><ul>{lines}</ul>'
        '<h2 id="before-and-after">{reminders_title}</h2><ul>{reminders}</ul>'
        '<h2 id="apps">{apps_title}</h2><p class="shk-note">{apps_note}</p>{platforms}'
    ).format(
        intro=strings["platforms.intro"],
        jump=jump,
        write_title=strings["platforms.write_title"],
        write_intro=strings["platforms.write_intro"],
        lines=lines,
        reminders_title=strings["platforms.reminders_title"],
        reminders=reminders,
        apps_title=strings["platforms.apps_title"],
        apps_note=strings["platforms.apps_note"],
        platforms=Markup("").join(
            render_platform(platform, pages, strings, language, notes) for platform, pages in grouped
        ),
    )
