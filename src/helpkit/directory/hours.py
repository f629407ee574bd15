"""Opening hours: a small, strict subset of OpenStreetMap's `opening_hours`, read and said in words.

The data says when a line answers in a form a program can check (`24/7`, `Mo-Fr 09:00-17:00`,
`Mo-Sa 14:00-20:00; Mo,We,Th 10:00-12:00`), so that every page can say it in the reader's words
and time format (Babel, CLDR), and the help box can tell a line open all night from one that is not.
Only what these lines need is accepted: weekdays, ranges and lists of them, and times; an end
before the start runs past midnight. No holidays, months or comments: a source that needs them
is written in the row's remarks instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from functools import cache

from babel import Locale
from babel.dates import format_interval, get_day_names
from babel.lists import format_list

ALWAYS = "24/7"
DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_TIME = r"(?:[01][0-9]|2[0-3]):[0-5][0-9]"
_SPAN = rf"{_TIME}-(?:{_TIME}|24:00)"
_DAY_PART = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?"
_RULE = re.compile(rf"(?:(?P<days>{_DAY_PART}(?:,{_DAY_PART})*) )?(?P<spans>{_SPAN}(?:,{_SPAN})*)")
EXPECTED = (
    "expected opening hours as 24/7, or rules such as 'Mo-Fr 09:00-17:00' or "
    "'Mo-Sa 14:00-20:00; Mo,We,Th 10:00-12:00' (days Mo Tu We Th Fr Sa Su, 24-hour times, "
    "rules separated by '; '); empty if the source does not say"
)


@dataclass(frozen=True, kw_only=True)
class Span:
    start: time
    # None: until midnight (24:00). An end before the start runs past midnight.
    end: time | None

    @property
    def overnight(self) -> bool:
        return self.end is not None and self.end <= self.start


@dataclass(frozen=True, kw_only=True)
class Rule:
    # Weekday numbers, Monday 0; always in the order written, never empty.
    days: tuple[int, ...]
    spans: tuple[Span, ...]


@dataclass(frozen=True, kw_only=True)
class Hours:
    """When a line answers; `always` for 24/7, else its rules."""

    always: bool = False
    rules: tuple[Rule, ...] = ()

    @property
    def text(self) -> str:
        """The hours written back in the data's own syntax (for the open data)."""
        if self.always:
            return ALWAYS
        return "; ".join(_rule_text(rule) for rule in self.rules)


def hours_problem(text: str) -> str | None:
    """What is wrong with the hours as written, or None."""
    try:
        parse_hours(text)
    except ValueError as error:
        return str(error)
    return None


def parse_hours(text: str) -> Hours:
    """The hours the text states; ValueError with what was expected."""
    if text == ALWAYS:
        return Hours(always=True)
    rules = []
    for part in text.split("; "):
        found = _RULE.fullmatch(part)
        if found is None:
            raise ValueError(f"{EXPECTED}; {part!r} is not a rule")
        spans = tuple(_span(item) for item in found["spans"].split(","))
        if any(span.end is not None and span.end == span.start for span in spans):
            raise ValueError(f"{EXPECTED}; {part!r} ends when it starts (write 24/7 for a line that never closes)")
        days = _days(found["days"]) if found["days"] else tuple(range(7))
        if len(set(days)) != len(days):
            raise ValueError(f"{EXPECTED}; {part!r} names a day twice")
        rules.append(Rule(days=days, spans=spans))
    return Hours(rules=tuple(rules))


def _span(text: str) -> Span:
    start, end = text.split("-")
    return Span(start=_time(start), end=None if end == "24:00" else _time(end))


def _time(text: str) -> time:
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def _days(text: str) -> tuple[int, ...]:
    days: list[int] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        start, end = DAYS.index(first), DAYS.index(last or first)
        # Su-Mo wraps round the week, as in OpenStreetMap.
        days.extend((start + offset) % 7 for offset in range((end - start) % 7 + 1))
    return tuple(days)


def _rule_text(rule: Rule) -> str:
    spans = ",".join(
        f"{span.start:%H:%M}-{'24:00' if span.end is None else format(span.end, '%H:%M')}" for span in rule.spans
    )
    if rule.days == tuple(range(7)):
        return spans
    return f"{','.join(_day_groups(rule.days, lambda day: DAYS[day], '-'))} {spans}"


def _day_groups(days: tuple[int, ...], name: Callable[[int], str], dash: str) -> list[str]:
    """Consecutive days as ranges: Mo-Fr, Sa; three or more in a row make a range."""
    groups: list[list[int]] = []
    for day in days:
        if groups and day == (groups[-1][-1] + 1) % 7:
            groups[-1].append(day)
        else:
            groups.append([day])
    words = []
    for group in groups:
        if len(group) >= 3:
            words.append(f"{name(group[0])}{dash}{name(group[-1])}")
        else:
            words.extend(name(day) for day in group)
    return words


@cache
def _uses_12_hours(language: str) -> bool:
    return "h" in Locale.parse(language).time_formats["short"].pattern


def _span_words(span: Span, language: str) -> str:
    skeleton = "hm" if _uses_12_hours(language) else "Hm"
    # Babel formats midnight as 00:00, which reads as the end of the day in an interval.
    end = span.end or time(0, 0)
    return format_interval(span.start, end, skeleton, locale=language)


def describe_hours(hours: Hours, *, language: str, every_day: str, always: str) -> str:
    """The hours in the reader's language: weekday names and the time format of CLDR.

    ``every_day`` and ``always`` are the language's words for a rule without days and for 24/7,
    from the strings file.
    """
    if hours.always:
        return always
    day_names = get_day_names("abbreviated", locale=language)
    rules = []
    for rule in hours.rules:
        spans = format_list([_span_words(span, language) for span in rule.spans], locale=language)
        if rule.days == tuple(range(7)):
            rules.append(f"{every_day} {spans}")
        else:
            days = format_list(_day_groups(rule.days, lambda day: day_names[day], "–"), locale=language)
            rules.append(f"{days} {spans}")
    return "; ".join(rules)
