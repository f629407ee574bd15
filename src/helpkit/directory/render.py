"""The directory pages: every country's channels, grouped by kind, in the reader's language; the main
page holds the home country, the index and what works everywhere, each region's page its countries."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from markupsafe import Markup, escape

from helpkit.directory.channels import Channel, ChannelTable, kinds
from helpkit.directory.countries import INTERNATIONAL, cldr_locale, country_name, region_of
from helpkit.directory.reach import hours_line, reach_line
from helpkit.i18n.strings import Strings


def country_anchor(code: str) -> str:
    return f"country-{code.lower()}"


def _filter_words(code: str, name: str) -> str:
    """What the directory filter (site.js) matches a country by: its name here and in English, its code."""
    return f"{name} {country_name(code, 'en')} {code}".casefold()


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
    return dict(Locale.parse(cldr_locale(language)).languages)


def _details(channel: Channel, strings: Strings, language: str) -> Markup:
    rows: list[tuple[str, Markup]] = []
    # Hours are said of what someone answers; of a web page or a form they would mean nothing.
    if channel.answers and channel.hours is None and channel.chat_hours is None:
        rows.append((strings["hours.unknown"], Markup("")))
    elif channel.answers:
        rows.append((strings["directory.hours"], hours_line(channel, strings, language, with_zone=True)))
    if channel.languages:
        names = _language_names(language)
        served = format_list([names.get(code, code) for code in channel.languages], locale=cldr_locale(language))
        rows.append((strings["directory.languages"], escape(served)))
    rows.append((strings[f"directory.audience.{channel.audience}"], Markup("")))
    if channel.verified:
        rows.append(
            (strings["directory.verified"], escape(format_date(channel.verified, "long", locale=cldr_locale(language))))
        )
    return Markup("").join(
        Markup('<span class="shk-channel__fact">{}{}</span>').format(
            label, Markup(": {}").format(value) if value else ""
        )
        for label, value in rows
    )


def render_channel(channel: Channel, strings: Strings, language: str, notes: Mapping[str, str]) -> Markup:
    """One service: its name, every way to reach it, what it is for, when it is open, who it is for."""
    note = notes[channel.id]
    return Markup(
        '<li class="shk-channel" id="{anchor}"><p class="shk-channel__name"><strong><bdi>{name}</bdi></strong></p>'
        '<p class="shk-channel__reach">{reach}</p><p class="shk-channel__notes">{note}</p>'
        '<p class="shk-channel__facts">{facts}</p></li>'
    ).format(
        anchor=f"channel-{channel.id}",
        name=channel.name,
        reach=reach_line(channel, strings),
        note=note,
        facts=_details(channel, strings, language),
    )


def render_section(
    code: str, title: str, channels: Sequence[Channel], strings: Strings, language: str, notes: Mapping[str, str]
) -> Markup:
    groups = []
    for kind in kinds():
        of_kind = [channel for channel in channels if channel.kind == kind]
        if of_kind:
            groups.append(
                Markup('<h3>{}</h3><ul class="shk-channels">{}</ul>').format(
                    strings[f"directory.kinds.{kind}"],
                    Markup("").join(render_channel(channel, strings, language, notes) for channel in of_kind),
                )
            )
    return Markup(
        '<section class="shk-country" id="{id}" data-shk-country="{search}"><h2>{title}</h2>{groups}</section>'
    ).format(
        id=country_anchor(code),
        search=_filter_words(code, title),
        title=title,
        groups=Markup("").join(groups),
    )


def regions_of(codes: Sequence[str]) -> dict[str, list[str]]:
    """The countries of each UN M49 sub-region, in the order given."""
    grouped: dict[str, list[str]] = {}
    for code in codes:
        grouped.setdefault(region_of(code), []).append(code)
    return grouped


def _index(entries: Sequence[tuple[str, str, str]], label: str) -> Markup:
    """A list of (href, name, search words) that works without JavaScript; site.js filters it."""
    return Markup('<nav class="shk-country-index" aria-label="{label}"><ul>{items}</ul></nav>').format(
        label=label,
        items=Markup("").join(
            Markup('<li data-shk-country="{search}"><a href="{href}">{name}</a></li>').format(
                href=href, name=name, search=search
            )
            for href, name, search in entries
        ),
    )


def render_directory(
    table: ChannelTable,
    *,
    strings: Strings,
    notes: Mapping[str, str],
    language: str,
    home: str,
    region_url: Callable[[str], str],
    open_data: Sequence[tuple[str, str]] = (),
) -> Markup:
    """The directory's main page: the home country, an index of every country, then what works
    everywhere. Each country's channels are on its region's page (`render_region`), which keeps every
    page within one round trip however many countries the data holds."""
    countries = sorted_countries(table.countries(), language, home)
    names = {code: country_name(code, language) for code in countries}
    entries = [
        (
            f"#{country_anchor(code)}" if code == home else f"{region_url(region_of(code))}#{country_anchor(code)}",
            names[code],
            _filter_words(code, names[code]),
        )
        for code in countries
    ]
    international = table.for_country(INTERNATIONAL)
    if international:
        entries.append(
            (
                f"#{country_anchor(INTERNATIONAL)}",
                strings["directory.international"],
                f"{strings['directory.international']} international".casefold(),
            )
        )
    filter_box = Markup(
        '<div class="shk-filter" data-shk="filter" hidden>'
        '<label for="shk-filter-input">{label}</label>'
        '<input id="shk-filter-input" type="search" autocomplete="off" spellcheck="false" '
        'enterkeyhint="search">'
        '<p class="shk-filter__none" role="status" aria-live="polite" hidden>{none}</p></div>'
    ).format(label=strings["directory.filter_label"], none=strings["directory.filter_none"])
    home_section = (
        render_section(home, names[home], table.for_country(home), strings, language, notes) if home in names else ""
    )
    international_section = (
        render_section(INTERNATIONAL, strings["directory.international"], international, strings, language, notes)
        if international
        else ""
    )
    # Links the build made to its own files, not addresses from the data.
    data_links = Markup(" · ").join(
        Markup('<a href="{}" download>{}</a>').format(href, label) for label, href in open_data
    )
    return Markup(
        '<p>{intro}</p><p class="shk-note">{check}</p>{home}'
        '<h2 id="countries">{countries}</h2>{filter}{index}{international}{data}'
    ).format(
        intro=strings["directory.intro"],
        check=strings["directory.check_note"],
        home=home_section,
        countries=strings["directory.countries"],
        filter=filter_box,
        index=_index(entries, strings["directory.countries"]),
        international=international_section,
        data=Markup('<p class="shk-open-data">{}: {}</p>').format(strings["directory.open_data"], data_links)
        if open_data
        else "",
    )


def render_region(
    table: ChannelTable,
    region: str,
    *,
    strings: Strings,
    notes: Mapping[str, str],
    language: str,
    directory_url: str,
) -> Markup:
    """One region's page: a way back to every country, then each of the region's countries."""
    countries = sorted_countries([code for code in table.countries() if region_of(code) == region], language, "")
    names = {code: country_name(code, language) for code in countries}
    index = (
        _index(
            [(f"#{country_anchor(code)}", names[code], _filter_words(code, names[code])) for code in countries],
            strings["directory.countries"],
        )
        if len(countries) > 1
        else ""
    )
    return Markup('<p><a href="{back}">{all}</a></p><p class="shk-note">{check}</p>{index}{sections}').format(
        back=directory_url,
        all=strings["directory.all_countries"],
        check=strings["directory.check_note"],
        index=index,
        sections=Markup("").join(
            render_section(code, names[code], table.for_country(code), strings, language, notes) for code in countries
        ),
    )
