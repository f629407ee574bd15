"""Opening hours: the subset of OpenStreetMap's syntax the data uses, and how each language says it."""

from __future__ import annotations

from datetime import time

import pytest

from helpkit.directory.hours import EXPECTED, Hours, Rule, Span, describe_hours, hours_problem, parse_hours


def words(text: str, language: str) -> str:
    """The hours in words, CLDR's narrow and thin no-break spaces read as plain ones."""
    said = describe_hours(parse_hours(text), language=language, every_day="Every day", always="Always")
    return said.translate({0x202F: " ", 0x2009: " ", 0xA0: " "})


def test_24_7_is_always_open() -> None:
    assert parse_hours("24/7") == Hours(always=True)
    assert parse_hours("24/7").text == "24/7"


def test_rules_with_day_ranges_lists_and_several_spans() -> None:
    hours = parse_hours("Mo-Sa 14:00-20:00; Mo,We,Th 10:00-12:00")
    assert hours.rules == (
        Rule(days=(0, 1, 2, 3, 4, 5), spans=(Span(start=time(14), end=time(20)),)),
        Rule(days=(0, 2, 3), spans=(Span(start=time(10), end=time(12)),)),
    )
    assert hours.text == "Mo-Sa 14:00-20:00; Mo,We,Th 10:00-12:00"


def test_a_rule_without_days_is_every_day_and_24_00_is_midnight() -> None:
    hours = parse_hours("10:00-24:00")
    assert hours.rules == (Rule(days=tuple(range(7)), spans=(Span(start=time(10), end=None),)),)
    assert hours.text == "10:00-24:00"


def test_an_end_before_the_start_runs_past_midnight() -> None:
    [rule] = parse_hours("Fr,Sa 19:00-07:00,13:00-15:00").rules
    assert rule.spans[0].overnight and not rule.spans[1].overnight


def test_a_day_range_may_wrap_round_the_week() -> None:
    assert parse_hours("Sa-Mo 10:00-12:00").rules[0].days == (5, 6, 0)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "24h/24",
        "Mon-Fri 09:00-17:00",
        "Mo-Fr 9:00-17:00",
        "Mo-Fr 09:00–17:00",
        "Mo-Fr 09:00-17:00;Sa 10:00-12:00",
        "Mo-Fr 25:00-26:00",
        "Mo-Fr 09:00-09:00",
        "Mo,Mo 09:00-10:00",
        "PH off",
    ],
)
def test_what_is_not_in_the_subset_is_refused_in_words(text: str) -> None:
    problem = hours_problem(text)
    assert problem is not None and problem.startswith(EXPECTED)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Mon–Fri 9:00 AM – 5:00 PM"),
        ("fr", "lun.–ven. 09:00 – 17:00"),
        ("de", "Mo.–Fr. 09:00–17:00 Uhr"),
        ("ar", "الاثنين–الجمعة 9:00 ص – 5:00 م"),
    ],
)
def test_hours_are_said_in_the_readers_language_and_time_format(language: str, expected: str) -> None:
    assert words("Mo-Fr 09:00-17:00", language) == expected


def test_lists_of_days_and_of_spans_use_the_languages_list_words() -> None:
    assert words("Mo,We 10:00-12:00,14:00-16:00", "fr") == "lun. et mer. 10:00 – 12:00 et 14:00 – 16:00"
    assert words("Mo,We 10:00-12:00", "en") == "Mon and Wed 10:00 AM – 12:00 PM"


def test_every_day_and_always_come_from_the_strings() -> None:
    assert words("12:00-20:00", "fr") == "Every day 12:00 – 20:00"
    assert words("24/7", "fr") == "Always"


def test_midnight_ends_an_evening() -> None:
    # Mo-Su is every day, said as such.
    assert words("Mo-Su 17:00-24:00", "de") == "Every day 17:00–00:00 Uhr"
