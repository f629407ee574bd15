"""The edition's brand colour: checked for readable white text, and its darker shade derived."""

from __future__ import annotations

import re

_HEX = re.compile(r"#[0-9a-fA-F]{6}")
# White text on the brand colour (header, buttons) must pass WCAG AA for normal text.
MINIMUM_CONTRAST = 4.5


def parse_hex(value: str) -> tuple[int, int, int]:
    if not _HEX.fullmatch(value):
        raise ValueError(f"{value!r}: expected a colour as #rrggbb, e.g. #1b5e5a")
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(value) for value in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(value: str) -> float:
    return 1.05 / (_luminance(parse_hex(value)) + 0.05)


def check_brand_colour(value: str) -> str:
    """The colour, lower-cased, if white text on it is readable; ValueError saying why if not."""
    ratio = contrast_with_white(value)
    if ratio < MINIMUM_CONTRAST:
        raise ValueError(
            f"{value!r}: white text on this colour has a contrast of {ratio:.2f}:1; expected at least "
            f"{MINIMUM_CONTRAST}:1 (WCAG AA), so choose a darker colour"
        )
    return value.lower()


def darker(value: str, factor: float = 0.75) -> str:
    r, g, b = parse_hex(value)
    return "#{:02x}{:02x}{:02x}".format(*(round(channel * factor) for channel in (r, g, b)))


def edition_css(brand: str) -> str:
    """The stylesheet that gives the whole site the edition's colour (site.css reads these)."""
    return (
        "/* Generated from brand_colour (edition/settings.yml, or extra: in mkdocs.yml): set it there. */\n"
        f":root,[data-md-color-scheme=default]{{--shk-brand:{brand};--shk-brand-dark:{darker(brand)};}}\n"
    )
