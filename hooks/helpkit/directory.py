"""The directory page: every country's channels, grouped by kind, in the reader's language."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache

from babel import Locale
from babel.dates import format_date
from markupsafe import Markup, escape

from helpkit.channels import KINDS, Channel, ChannelTable
from helpkit.countries import INTERNATIONAL, country_name
from helpkit.html import ltr, reach_links
from helpkit.strings import Strings


def country_anchor(code: str) -> str:
    return f"country-{code.lower()}"


def sorted_countries(codes: Sequence[str], language: str, home: str) -> list[str]:
    """Countries by their name in `language` (CLDR), the home country first."""
    ordered = sorted(codes, key=lambda code: _collation_key(country_name(code, language)))
    if home in ordered:
        ordered.remove(home)
        ordered.insert(0, home)
    return ordered


def _collation_key(name: str) -> tuple[str, str]:
    # Without ICU, fold accents so that "Équateur" sorts with the E's rather than after Z.
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return folded, name


@cache
def _language_names(language: str) -> dict[str, str]:
    return dict(Locale.parse(language).languages)


def _details(channel: Channel, strings: Strings, language: str) -> Markup:
    rows = []
    if channel.languages:
        names = _language_names(language)
        served = ", ".join(names.get(code, code) for code in channel.languages)
        rows.append((strings["directory.languages"], escape(served)))
    if channel.hours:
        rows.append((strings["directory.hours"], escape(channel.hours)))
    rows.append((strings[f"directory.audience.{channel.audience}"], Markup("")))
    if channel.verified:
        rows.append((strings["directory.verified"], escape(format_date(channel.verified, "long", locale=language))))
    return Markup("").join(
        Markup('<span class="shk-channel__fact">{}{}</span>').format(
            label, Markup(": {}").format(value) if value else ""
        )
        for label, value in rows
    )


def render_channel(channel: Channel, strings: Strings, language: str) -> Markup:
    reach = reach_links(
        tel=channel.tel_uri(),
        phone=channel.phone_display(),
        url=channel.url,
        url_label=ltr(channel.url.removeprefix("https://").rstrip("/")),
    )
    # Names and notes keep the direction of their own script inside a page of another.
    notes = Markup('<p class="shk-channel__notes" dir="auto">{}</p>').format(channel.notes) if channel.notes else ""
    return Markup(
        '<li class="shk-channel"><p class="shk-channel__name"><strong><bdi>{name}</bdi></strong></p>'
        '<p class="shk-channel__reach">{reach}</p>{notes}'
        '<p class="shk-channel__facts">{facts}</p></li>'
    ).format(
        name=channel.name,
        reach=reach,
        notes=notes,
        facts=_details(channel, strings, language),
    )


def render_section(code: str, title: str, channels: Sequence[Channel], strings: Strings, language: str) -> Markup:
    groups = []
    for kind in KINDS:
        of_kind = [channel for channel in channels if channel.kind == kind]
        if of_kind:
            groups.append(
                Markup('<h3>{}</h3><ul class="shk-channels">{}</ul>').format(
                    strings[f"directory.kinds.{kind}"],
                    Markup("").join(render_channel(channel, strings, language) for channel in of_kind),
                )
            )
    return Markup(
        '<section class="shk-country" id="{id}" data-shk-country="{search}"><h2>{title}</h2>{groups}</section>'
    ).format(
        id=country_anchor(code),
        search=f"{title} {country_name(code, 'en')} {code}".casefold(),
        title=title,
        groups=Markup("").join(groups),
    )


def render_directory(
    table: ChannelTable,
    *,
    strings: Strings,
    language: str,
    home: str,
    open_data: Sequence[tuple[str, str]] = (),
) -> Markup:
    """The directory's body: a country list that works without JavaScript, then every section."""
    countries = sorted_countries(table.countries(), language, home)
    names = {code: country_name(code, language) for code in countries}
    index_items = Markup("").join(
        Markup('<li data-shk-country="{search}"><a href="#{anchor}">{name}</a></li>').format(
            anchor=country_anchor(code),
            name=names[code],
            search=f"{names[code]} {country_name(code, 'en')} {code}".casefold(),
        )
        for code in countries
    )
    filter_box = Markup(
        '<div class="shk-filter" data-shk="filter" hidden>'
        '<label for="shk-filter-input">{label}</label>'
        '<input id="shk-filter-input" type="search" autocomplete="off" spellcheck="false" '
        'enterkeyhint="search">'
        '<p class="shk-filter__none" role="status" aria-live="polite" hidden>{none}</p></div>'
    ).format(label=strings["directory.filter_label"], none=strings["directory.filter_none"])
    sections = [render_section(code, names[code], table.for_country(code), strings, language) for code in countries]
    international = table.for_country(INTERNATIONAL)
    if international:
        sections.append(
            render_section(INTERNATIONAL, strings["directory.international"], international, strings, language)
        )
    # Links the build made to its own files, not addresses from the data.
    data_links = Markup(" · ").join(
        Markup('<a href="{}" download>{}</a>').format(href, label) for label, href in open_data
    )
    return Markup(
        '<p>{intro}</p><p class="shk-note">{check}</p>{filter}'
        '<nav class="shk-country-index" aria-label="{countries}"><ul>{index}'
        '<li data-shk-country="{int_search}"><a href="#{int_anchor}">{international}</a></li></ul></nav>'
        "{sections}{data}"
    ).format(
        intro=strings["directory.intro"],
        check=strings["directory.check_note"],
        filter=filter_box,
        countries=strings["directory.countries"],
        index=index_items,
        int_anchor=country_anchor(INTERNATIONAL),
        int_search=f"{strings['directory.international']} international".casefold(),
        international=strings["directory.international"],
        sections=Markup("").join(sections),
        data=Markup('<p class="shk-open-data">{}: {}</p>').format(strings["directory.open_data"], data_links)
        if open_data
        else "",
    )
