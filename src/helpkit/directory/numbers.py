"""The numbers a page names, filled in from the home country's data: `{{ emergency }}`, `{{ crisis }}`
and `{{ helpline }}` in the Markdown.

A page says "call {{ emergency }}" and a Belgian edition reads "call 112", a US one "call 911": no
page types a number as the reader's own. What is filled in is the help box's own choice of line, so
the page and the box never disagree; where the edition has none (an international edition, a gap in
the data), the words the strings file gives for it ("your country's emergency number").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from babel.lists import format_list
from markupsafe import Markup, escape

from helpkit.directory.countries import cldr_locale, comma
from helpkit.directory.helpbox import HelpBox
from helpkit.directory.reach import hours_text, reach_buttons, reach_line
from helpkit.i18n.strings import Strings

PLACEHOLDERS = ("emergency", "crisis", "helpline")
# Any {{ word }}: a misspelt placeholder must fail the build, not reach readers as braces.
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)?\s*\}\}")


def render_number(slot: str, *, box: HelpBox, strings: Strings, language: str) -> Markup:
    """What `{{ slot }}` becomes on a page of this edition in this language."""
    # An international edition has no home country: the page names the kind of line, not one of them.
    channel = (box.helpline if slot == "helpline" else box.line(slot)) if box.country else None
    if channel is None:
        return Markup("{}").format(strings[f"numbers.{slot}_none"])
    if slot == "emergency":
        return reach_line(channel, strings, ways=("call",))
    # "Samaritans, 116 123 (open day and night)": the line's name, how to reach it, when it answers;
    # a chat that keeps other hours says its own ("1813 (open day and night) or chat (every day ...)").
    calls = reach_buttons(channel, strings, ways=("call", "text"))
    chat = reach_buttons(channel, strings, ways=("chat",), chat_label=strings["numbers.chat"])
    hours = hours_text(channel, strings, language, in_sentence=True)
    chat_hours = hours_text(channel, strings, language, of_chat=True, in_sentence=True)
    if not chat or chat_hours == hours:
        ways = [Markup("{} ({})").format(_or(calls + chat, language), hours)]
    elif not calls:
        ways = [Markup("{} ({})").format(chat[0], chat_hours)]
    else:
        ways = [Markup("{} ({})").format(_or(calls, language), hours), Markup("{} ({})").format(chat[0], chat_hours)]
    return Markup('<bdi class="shk-number__name">{name}</bdi>{comma} {ways}').format(
        comma=comma(language), name=channel.name, ways=_or(ways, language)
    )


def _or(items: list[Markup], language: str) -> Markup:
    """'A or B', 'A, B or C' in the language's words: numbered slots of CLDR's pattern, filled with escaped parts."""
    pattern = format_list([f"{{{index}}}" for index in range(len(items))], style="or", locale=cldr_locale(language))
    return escape(pattern).format(*items)


def placeholders(markdown: str) -> Iterator[tuple[int, str]]:
    """Each placeholder in the page: its line number and the name written (empty if none)."""
    for found in _PLACEHOLDER.finditer(markdown):
        yield markdown.count("\n", 0, found.start()) + 1, found.group(1) or ""


def fill_numbers(markdown: str, *, path: str, box: HelpBox, strings: Strings, language: str) -> tuple[str, list[str]]:
    """The page with its placeholders filled in, and a problem for each one that is not known."""
    problems = [
        f"{path}: line {line}: {{{{ {name} }}}}: unknown placeholder: expected one of "
        + ", ".join(f"{{{{ {known} }}}}" for known in PLACEHOLDERS)
        for line, name in placeholders(markdown)
        if name not in PLACEHOLDERS
    ]
    if problems:
        return markdown, problems
    filled = {slot: str(render_number(slot, box=box, strings=strings, language=language)) for slot in PLACEHOLDERS}

    def number(found: re.Match[str]) -> str:
        slot, stop = found.group(1), found.group(2)
        if slot == "emergency" and stop and 'href="tel:' in filled[slot]:
            # A call button is a box of its own: the line may break after it, leaving the full stop
            # alone on the next line. The number is short; it and its stop stay together (the
            # words that stand in for a missing number may wrap).
            return f'<span class="shk-nowrap">{filled[slot]}{stop}</span>'
        return filled[slot] + stop

    return _FILLED.sub(number, markdown), []


# A placeholder and the punctuation right after it (Latin, Arabic and CJK stops, commas, brackets).
_FILLED = re.compile(_PLACEHOLDER.pattern + r"([.,;:!?)»\u060c\u061b\u061f\u06d4\u3001\u3002]*)")
