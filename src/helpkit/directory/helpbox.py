"""The "get help now" box that ends every page, rendered from the reporting-channel data."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from helpkit.directory.channels import Channel, ChannelTable
from helpkit.directory.countries import INTERNATIONAL
from helpkit.html import reach_links
from helpkit.i18n.strings import Strings

# What a frightened reader needs first, in that order; everything else is in the directory.
HOME_KINDS = ("emergency", "helpline", "police")
INTERNATIONAL_KINDS = ("removal",)


def pick_channels(channels: Sequence[Channel], kinds: Sequence[str]) -> list[Channel]:
    """One channel per kind, preferring the one meant for young people, then the first listed."""
    picked = []
    for kind in kinds:
        of_kind = [channel for channel in channels if channel.kind == kind]
        of_kind.sort(key=lambda channel: channel.audience != "children")
        picked.extend(of_kind[:1] if kind != "removal" else of_kind)
    return picked


def helpbox_channels(table: ChannelTable, country: str) -> list[Channel]:
    """What the box shows for an edition: the home country's lines, or the international ones."""
    if country:
        return pick_channels(table.for_country(country), HOME_KINDS)
    return pick_channels(table.for_country(INTERNATIONAL), INTERNATIONAL_KINDS)


def helpbox_problem(table: ChannelTable, country: str) -> str | None:
    """Why this edition's help box would be empty, or None: a site must not go out without one."""
    data = "data/reporting-channels.csv"
    if not country:
        if pick_channels(table.for_country(INTERNATIONAL), INTERNATIONAL_KINDS):
            return None
        return (
            f"an international edition (extra.country empty) shows the rows of country INT with kind "
            f"{', '.join(INTERNATIONAL_KINDS)} in its help box, and {data} has none: add them, or set a country"
        )
    if country not in table.countries():
        listed = table.countries()
        expected = f"expected one of {', '.join(listed)}" if listed else "the file lists no country yet"
        return (
            f"home country {country!r} (extra.country or SITE_COUNTRY) has no rows in {data}: "
            f"{expected}; or add its rows first"
        )
    if not pick_channels(table.for_country(country), HOME_KINDS):
        return (
            f"home country {country!r}: its help box would be empty: {data} has no row of kind "
            f"{', '.join(HOME_KINDS)} for it: add one"
        )
    return None


def channel_line(channel: Channel, strings: Strings) -> Markup:
    label = strings[f"helpbox.{channel.kind}"]
    reach = reach_links(
        tel=channel.tel_uri(),
        phone=channel.phone_display(),
        url=channel.url,
        url_label=escape(strings["helpbox.website"]),
    )
    return Markup(
        '<li class="shk-helpbox__item shk-helpbox__item--{kind}">'
        '<span class="shk-helpbox__kind">{label}</span> '
        '<bdi class="shk-helpbox__name">{name}</bdi> '
        '<span class="shk-helpbox__reach">{reach}</span></li>'
    ).format(kind=channel.kind, label=label, name=channel.name, reach=reach)


def render_helpbox(
    *,
    channels: Sequence[Channel],
    strings: Strings,
    country_label: str,
    directory_url: str,
    crisis_url: str | None,
) -> Markup:
    """The box for one page: the home country's channels, or the international ones without one."""
    title = strings["helpbox.title"] if country_label else strings["helpbox.title_international"]
    if country_label:
        title = Markup('{} <span class="shk-helpbox__country">({})</span>').format(title, country_label)
    items = Markup("").join(channel_line(channel, strings) for channel in channels)
    parts = [
        Markup('<h2 id="get-help-now" class="shk-helpbox__title">{}</h2>').format(title),
    ]
    if not country_label:
        parts.append(Markup("<p>{}</p>").format(strings["helpbox.no_country"]))
    if items:
        parts.append(Markup('<ul class="shk-helpbox__list">{}</ul>').format(items))
    if crisis_url:
        parts.append(
            Markup('<p class="shk-helpbox__crisis"><a href="{}">{}</a></p>').format(
                crisis_url, strings["helpbox.crisis"]
            )
        )
    parts.append(
        Markup('<p class="shk-helpbox__more"><a href="{}">{}</a></p>').format(
            directory_url, strings["helpbox.directory_link"]
        )
    )
    return Markup('<aside class="shk-helpbox" aria-labelledby="get-help-now" data-shk="helpbox">{}</aside>').format(
        Markup("").join(parts)
    )
