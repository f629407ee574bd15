"""How and when to reach a service: links a reader can tap (call, text, chat, web form, e-mail,
website), and its opening hours in the reader's words.

One builder for the help box, the directory and the numbers the pages name, so that a number looks
and works the same everywhere: the number itself as the label, kept left-to-right in right-to-left
pages, every address checked (helpkit.html.link) and every text escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from helpkit.directory.channels import Channel
from helpkit.directory.countries import formatting_locale, semicolon, time_zone_words
from helpkit.directory.hours import describe_hours
from helpkit.html import link, ltr
from helpkit.i18n.strings import Strings

# Every way there is, in the order a frightened reader most likely wants them.
ALL_WAYS = ("call", "text", "chat", "form", "email", "website")


def _button(href: str | None, label: Markup, way: str, *, external: bool = False) -> Markup:
    if not href:
        return Markup("")
    return Markup('<span class="shk-reach shk-reach--{}">{}</span>').format(way, link(href, label, external=external))


def reach_buttons(
    channel: Channel, strings: Strings, *, ways: Sequence[str] = ALL_WAYS, chat_label: str | None = None
) -> list[Markup]:
    """One link per way to reach the channel that it has, of those asked for; a sentence names the
    chat in its own words (``chat_label``)."""
    found = []
    for way in ways:
        if way == "call" and channel.phone:
            found.append(_button(channel.tel_uri(), ltr(channel.phone_display()), way))
        elif way == "text" and channel.sms:
            label = Markup("{} {}").format(strings["reach.text"], ltr(channel.sms_display()))
            if channel.sms_text:
                label = Markup("{} · {}").format(
                    label, escape(strings["reach.text_word"]).format(word=ltr(channel.sms_text))
                )
            found.append(_button(channel.sms_uri(), label, way))
        elif way == "chat" and channel.chat_url:
            label = Markup("{}").format(chat_label or strings["reach.chat"])
            found.append(_button(channel.chat_url, label, way, external=True))
        elif way == "form" and channel.form_url:
            found.append(_button(channel.form_url, Markup("{}").format(strings["reach.form"]), way, external=True))
        elif way == "email" and channel.email:
            found.append(_button(f"mailto:{channel.email}", ltr(channel.email), way))
        elif way == "website" and channel.url:
            # The address itself, so that a printed page still says where to go.
            found.append(_button(channel.url, ltr(short_address(channel.url)), way, external=True))
    return found


def reach_line(channel: Channel, strings: Strings, *, ways: Sequence[str] = ALL_WAYS) -> Markup:
    return Markup(" ").join(reach_buttons(channel, strings, ways=ways))


# The strings for hours said on their own (the box, the directory) and inside a sentence of a page.
_ON_THEIR_OWN = {"every_day": "hours.every_day", "always": "hours.always", "unknown": "hours.unknown"}
_IN_A_SENTENCE = {"every_day": "numbers.every_day", "always": "numbers.open_always", "unknown": "numbers.hours_unknown"}


def hours_text(
    channel: Channel, strings: Strings, language: str, *, of_chat: bool = False, in_sentence: bool = False
) -> str:
    """When the line (or its chat) answers, in the reader's words and the line's country's way of
    writing times (formatting_locale); the strings' words for unknown hours."""
    words = _IN_A_SENTENCE if in_sentence else _ON_THEIR_OWN
    hours = channel.chat_hours or channel.hours if of_chat else channel.hours
    if hours is None:
        return strings[words["unknown"]]
    return describe_hours(
        hours,
        language=formatting_locale(language, channel.country),
        every_day=strings[words["every_day"]],
        always=strings[words["always"]],
    )


def hours_line(channel: Channel, strings: Strings, language: str, *, with_zone: bool = False) -> Markup:
    """When the line answers, and its chat if that keeps other hours; ``with_zone`` names the
    country's time, for readers who may be elsewhere (the directory)."""
    text = Markup("{}").format(hours_text(channel, strings, language))
    if channel.chat_hours is not None and channel.chat_hours != channel.hours:
        chat = hours_text(channel, strings, language, of_chat=True, in_sentence=True)
        text = Markup("{}{} {}: {}").format(text, semicolon(language), strings["reach.chat"], chat)
    timed = any(hours is not None and not hours.always for hours in (channel.hours, channel.chat_hours))
    zone = time_zone_words(channel.country, language) if with_zone and timed else ""
    # "; " rather than brackets: CLDR's own words for a zone may hold brackets ("Belgien (Ortszeit)").
    return Markup("{}{} {}").format(text, semicolon(language), zone) if zone else text


def short_address(url: str) -> str:
    """An address as people write it: without https:// and a closing slash."""
    return url.removeprefix("https://").rstrip("/")
