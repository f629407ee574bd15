"""Country codes and names from CLDR (via Babel), never a hand-made list."""

from __future__ import annotations

from functools import cache

from babel import Locale

INTERNATIONAL = "INT"

# CLDR also names regions and groupings with two letters; none of them is a country to call in.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


@cache
def _codes() -> frozenset[str]:
    territories = Locale("en").territories
    return frozenset(
        code for code in territories if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    )


def is_country(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code that CLDR knows as a country or territory."""
    return code in _codes()


@cache
def country_name(code: str, language: str) -> str:
    """The country's name in `language`, e.g. ('BE', 'fr') -> 'Belgique'."""
    return Locale.parse(language).territories.get(code, code)
