"""helpkit.edition.colours: a brand colour must keep white text readable."""

from __future__ import annotations

import pytest

from helpkit.edition.colours import check_brand_colour, contrast_with_white, darker, edition_css


def test_the_default_colour_passes_and_is_normalised() -> None:
    assert check_brand_colour("#1B5E5A") == "#1b5e5a"
    assert contrast_with_white("#1b5e5a") == pytest.approx(7.51, abs=0.01)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("#88ccff", "white text on this colour has a contrast of 1.73:1; expected at least 4.5:1"),
        ("teal", "'teal': expected a colour as #rrggbb"),
        ("#12345", "'#12345': expected a colour as #rrggbb"),
    ],
)
def test_unreadable_or_malformed_colours_are_refused(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_brand_colour(value)


def test_the_darker_shade_and_the_stylesheet() -> None:
    assert darker("#1b5e5a") == "#144644"
    assert "--shk-brand:#5b2a86;--shk-brand-dark:#442064" in edition_css("#5b2a86")
