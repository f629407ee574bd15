"""The "get help now" box that ends every page, planned from the reporting-channel data and rendered.

What a frightened reader needs first, in this order: someone to call in danger now; a line open at
any hour for someone who can't cope; the child or youth helpline; the police. A line that is missing
is never dropped in silence: the box says so in the reader's language, with what to do instead, and
the build names it to the editor (a build for publication stops unless the edition acknowledges it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from helpkit.directory.channels import Channel, ChannelTable
from helpkit.directory.countries import INTERNATIONAL, country_name
from helpkit.directory.hours import describe_hours
from helpkit.directory.reach import hours_line, reach_line
from helpkit.i18n.strings import Strings

DATA = "data/reporting-channels.csv"

# What may be missing from a home country's box (the emergency number may not), each told to readers.
GAPS = ("night", "helpline", "police")
# An international edition's box: what works from anywhere, then the way to a country.
INTERNATIONAL_KINDS = ("crisis", "removal")
# The ways the box offers; the directory adds the website and e-mail.
BOX_WAYS = ("call", "text", "chat")
FALLBACK_WAYS = ("form", "website")


@dataclass(frozen=True, kw_only=True)
class HelpBox:
    """What one edition's box shows: (slot, channel) lines in order, and what is missing."""

    country: str
    lines: tuple[tuple[str, Channel], ...]
    gaps: tuple[str, ...] = ()

    @property
    def emergency(self) -> Channel | None:
        return self.line("emergency")

    def line(self, slot: str) -> Channel | None:
        return next((channel for name, channel in self.lines if name == slot), None)

    @property
    def helpline(self) -> Channel | None:
        """The young reader's helpline: its own line, or the crisis line when that is one."""
        crisis = self.line("crisis")
        return self.line("helpline") or (crisis if crisis is not None and _young_helpline(crisis) else None)


def _young_helpline(channel: Channel) -> bool:
    return channel.kind == "helpline" and channel.audience != "adults"


def _best(channels: Iterable[Channel], language: str) -> Channel | None:
    """The line to show: one known to speak the reader's language, then one open day and night, then
    one meant for young people, then one whose hours are known; within that, the file's order. (A
    line that names only other languages is not put behind one that names none: most sources do
    not say.)"""

    def rank(channel: Channel) -> tuple[int, int, int, int, int]:
        speaks = 0 if language in channel.languages else 1
        audience = {"children": 0, "all": 1}.get(channel.audience, 2)
        # A line for adults only may turn a young reader away: it comes last, whatever else it offers.
        adults = 1 if channel.audience == "adults" else 0
        return adults, speaks, 0 if channel.open_all_night else 1, audience, 0 if channel.hours is not None else 1

    # min() keeps the first of equals: the file's order stands.
    return min(channels, key=rank, default=None)


def plan_helpbox(table: ChannelTable, country: str, language: str = "") -> HelpBox:
    """The box of an edition, for a page in ``language``: the home country's lines and gaps, or the
    international services. What is missing does not depend on the language; which line of several
    is shown does."""
    if not country:
        everywhere = table.for_country(INTERNATIONAL)
        return HelpBox(
            country="",
            lines=tuple((channel.kind, channel) for channel in everywhere if channel.kind in INTERNATIONAL_KINDS),
        )
    rows = table.for_country(country)
    reachable = {
        kind: [channel for channel in rows if channel.kind == kind and channel.answers]
        for kind in ("emergency", "crisis", "helpline")
    }
    lines: list[tuple[str, Channel]] = []
    gaps: list[str] = []
    # The general number (police, ambulance, fire) before any for one audience, such as a child line.
    emergency = min(
        (channel for channel in reachable["emergency"] if channel.phone),
        key=lambda channel: channel.audience != "all",
        default=None,
    )
    if emergency:
        lines.append(("emergency", emergency))
    # Someone who can't cope needs a line that answers now, at any hour: a crisis line open day and
    # night, or failing that a helpline that is; a line with hours only when nothing is always open.
    crisis = next(
        (
            line
            for line in (
                _best((c for c in reachable["crisis"] if c.open_all_night and c.audience != "adults"), language),
                _best((c for c in reachable["helpline"] if c.open_all_night and c.audience != "adults"), language),
                _best((c for c in reachable["crisis"] if c.open_all_night), language),
            )
            if line is not None
        ),
        None,
    )
    if crisis is None:
        crisis = _best(reachable["crisis"], language)
        gaps.append("night")
    if crisis is not None:
        lines.append(("crisis", crisis))
    # The young reader's own line: a line for parents (audience adults) does not stand in for it.
    helpline = _best(
        (channel for channel in reachable["helpline"] if channel is not crisis and channel.audience != "adults"),
        language,
    )
    if crisis is not None and _young_helpline(crisis):
        # The line open all night is the young reader's own helpline: it is not shown twice.
        pass
    elif helpline is not None:
        lines.append(("helpline", helpline))
    else:
        gaps.append("helpline")
    police = _best((channel for channel in rows if channel.kind == "police"), language)
    if police is not None:
        lines.append(("police", police))
    else:
        gaps.append("police")
    return HelpBox(country=country, lines=tuple(lines), gaps=tuple(gaps))


def helpbox_problem(table: ChannelTable, country: str) -> str | None:
    """Why no box can be made for this edition, or None: a site must not go out without one."""
    if not country:
        if plan_helpbox(table, "").lines:
            return None
        return (
            f"an international edition (extra.country empty) shows the rows of country INT with kind "
            f"{', '.join(INTERNATIONAL_KINDS)} in its help box, and {DATA} has none: add them, or set a country"
        )
    if country not in table.countries():
        listed = table.countries()
        expected = f"expected one of {', '.join(listed)}" if listed else "the file lists no country yet"
        return (
            f"home country {country!r} (extra.country or SITE_COUNTRY) has no rows in {DATA}: "
            f"{expected}; or add its rows first"
        )
    if plan_helpbox(table, country).emergency is None:
        return (
            f"home country {country} ({country_name(country, 'en')}): no emergency number: {DATA} has no row of "
            f"kind emergency with a phone for {country}, and every page's help box starts with it: add it"
        )
    return None


_GAP_WORDS = {
    "night": "no line open all night (a crisis line, or a helpline open 24/7)",
    "helpline": "no child or youth helpline",
    "police": "no police reporting channel",
}


def gap_descriptions(box: HelpBox) -> list[str]:
    """The box's gaps in an editor's words, for the build log and check-data."""
    name = country_name(box.country, "en") if box.country else ""
    return [f"{box.country} ({name}): {_GAP_WORDS[gap]} in {DATA}; the help box tells readers so" for gap in box.gaps]


def gap_problems(box: HelpBox, *, acknowledged: Iterable[str], setting: str) -> list[str]:
    """The gaps a build for publication may not carry unless the edition has acknowledged them."""
    known = set(acknowledged)
    return [
        f"{text}: a build for publication needs it added, or acknowledged with {gap!r} in {setting}"
        for gap, text in zip(box.gaps, gap_descriptions(box), strict=True)
        if gap not in known
    ]


def _box_line(slot: str, channel: Channel, strings: Strings, language: str) -> Markup:
    ways = BOX_WAYS if channel.answers else FALLBACK_WAYS
    return Markup(
        '<li class="shk-helpbox__item shk-helpbox__item--{slot}">'
        '<p class="shk-helpbox__what"><span class="shk-helpbox__kind">{label}</span>{name}</p>'
        "{when}"
        '<p class="shk-helpbox__reach">{reach}</p></li>'
    ).format(
        slot=slot,
        label=strings[f"helpbox.{slot}"],
        # A line named by its number ("112") is not named twice: the number is its button.
        name=""
        if channel.name == channel.phone_display()
        else Markup(' <bdi class="shk-helpbox__name">{}</bdi>').format(channel.name),
        # A web form is open at any hour: hours are said of the lines a reader calls, texts or chats to.
        when=Markup('<p class="shk-helpbox__when">{}</p>').format(hours_line(channel, strings, language))
        if channel.answers
        else "",
        reach=reach_line(channel, strings, ways=ways),
    )


def emergency_number(box: HelpBox, strings: Strings) -> Markup:
    """The home country's emergency number as a link, or the words for it where there is none."""
    channel = box.emergency
    if channel is None:
        return Markup("{}").format(strings["numbers.emergency_none"])
    return reach_line(channel, strings, ways=("call",))


def gap_text(gap: str, box: HelpBox, strings: Strings, language: str) -> Markup:
    """What a reader is told for a missing line, and what to do instead, in their language."""
    return escape(strings[f"gaps.{gap}"]).format(
        country=country_name(box.country, language), emergency=emergency_number(box, strings)
    )


def render_helpbox(
    *,
    box: HelpBox,
    strings: Strings,
    language: str,
    directory_url: str,
) -> Markup:
    """The box for one page: its lines in order, what is missing, and the way to every number."""
    country_label = country_name(box.country, language) if box.country else ""
    title = strings["helpbox.title"] if country_label else strings["helpbox.title_international"]
    if country_label:
        title = Markup('{} <span class="shk-helpbox__country">({})</span>').format(title, country_label)
    parts = [Markup('<h2 id="get-help-now" class="shk-helpbox__title">{}</h2>').format(title)]
    if not country_label:
        # No country, no number to give: the box still says first what to do in danger.
        parts.append(
            Markup('<p class="shk-helpbox__emergency">{}</p>').format(strings["helpbox.emergency_international"])
        )
        parts.append(Markup("<p>{}</p>").format(strings["helpbox.no_country"]))
    items = Markup("").join(_box_line(slot, channel, strings, language) for slot, channel in box.lines)
    if items:
        parts.append(Markup('<ul class="shk-helpbox__list">{}</ul>').format(items))
    for gap in box.gaps:
        parts.append(Markup('<p class="shk-helpbox__gap">{}</p>').format(gap_text(gap, box, strings, language)))
    parts.append(
        Markup('<p class="shk-helpbox__more"><a href="{}">{}</a></p>').format(
            directory_url, strings["helpbox.directory_link"]
        )
    )
    return Markup('<aside class="shk-helpbox" aria-labelledby="get-help-now" data-shk="helpbox">{}</aside>').format(
        Markup("").join(parts)
    )


def box_preview(box: HelpBox) -> list[str]:
    """The box's lines as plain English text, in order, for an editor (`helpkit check-data`)."""
    lines = []
    for slot, channel in box.lines:
        if not channel.answers:
            when = "a web page"
        elif channel.hours is None:
            when = "hours not listed"
        else:
            when = describe_hours(channel.hours, language="en_GB", every_day="every day", always="24/7")
        reach = ", ".join(
            part
            for part in (
                channel.phone,
                f"text {channel.sms}" + (f" ({channel.sms_text})" if channel.sms_text else "") if channel.sms else "",
                "chat" if channel.chat_url else "",
            )
            if part
        )
        lines.append(f"{slot}: {channel.name} [{channel.id}]: {reach or 'web only'}: {when}")
    lines.extend(f"missing: {text}" for text in gap_descriptions(box))
    return lines
