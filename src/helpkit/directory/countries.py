"""Country codes and names from CLDR (via Babel), never a hand-made list."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import get_timezone, get_timezone_location

INTERNATIONAL = "INT"

# CLDR's territory list also holds groupings (EU, EZ, UN, QO), pseudo-locales (XA, XB), "unknown"
# (ZZ) and codes that ISO only reserves for places that belong to a listed country (IC, the Canary
# Islands, is ES). A row for one of those would be a country page nobody can look up. Kosovo's XK
# is kept although ISO has not assigned it: the EU, CLDR and libphonenumber all use it.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"})


@cache
def _codes() -> frozenset[str]:
    territories = Locale("en").territories
    return frozenset(
        code for code in map(str, territories) if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    )


def is_country(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code that CLDR knows as a country or territory."""
    return code in _codes()


# The CLDR locale of a site language whose plain code CLDR reads as another variety: Babel's "pt"
# is Brazilian ("Polônia"), and this kit's Portuguese is European ("Polónia").
_CLDR_LOCALES = {"pt": "pt_PT"}


def cldr_locale(language: str) -> str:
    """The locale Babel should write a site language in: 'pt' -> 'pt_PT', others as they are."""
    return _CLDR_LOCALES.get(language, language)


@cache
def country_name(code: str, language: str) -> str:
    """The country's name in `language`, e.g. ('BE', 'fr') -> 'Belgique'."""
    return Locale.parse(cldr_locale(language)).territories.get(code, code)


@cache
def _regions() -> dict[str, str]:
    # Vendored from CLDR, whose region names Babel carries but whose containment it does not.
    return json.loads((resources.files(__package__) / "regions.json").read_text(encoding="utf-8"))["regions"]


def region_of(code: str) -> str:
    """The UN M49 sub-region (CLDR) a country belongs to, e.g. 'BE' -> '155' (Western Europe)."""
    return _regions()[code]


def region_name(region: str, language: str) -> str:
    """The region's name in `language`, e.g. ('155', 'fr') -> 'Europe de l’Ouest'."""
    return country_name(region, language)


@cache
def region_slug(region: str) -> str:
    """A stable address for the region, from its English name: '155' -> 'western-europe'."""
    return re.sub(r"[^a-z0-9]+", "-", country_name(region, "en").casefold()).strip("-")


# Where CLDR lists several zones for a country, the capital's: national lines give their hours in it.
_CAPITAL_ZONES = {
    "AU": "Australia/Sydney",
    "CA": "America/Toronto",
    "CY": "Asia/Nicosia",
    "DE": "Europe/Berlin",
    "ES": "Europe/Madrid",
    "PT": "Europe/Lisbon",
    "US": "America/New_York",
}


def time_zone(code: str) -> str | None:
    """The IANA time zone a country's opening hours are read in, or None if it cannot be told."""
    if code in _CAPITAL_ZONES:
        return _CAPITAL_ZONES[code]
    zones = get_global("territory_zones").get(code, [])
    return zones[0] if len(zones) == 1 else None


def time_zone_words(code: str, language: str) -> str:
    """The country's time in words, e.g. ('BE', 'fr') -> 'heure : Belgique'; empty if unknown."""
    zone = time_zone(code)
    return get_timezone_location(get_timezone(zone), locale=cldr_locale(language), return_city=False) if zone else ""


@cache
def formatting_locale(language: str, country: str) -> str:
    """The CLDR locale to write a country's times and days in for a reader of ``language``: English
    hours of a Belgian line as en_BE says them (09:00–17:00), of a US line as en_US does (9:00 AM);
    the language alone where CLDR has no such pair (Arabic in Belgium)."""
    if country and country != INTERNATIONAL:
        try:
            Locale.parse(f"{language}_{country}")
        except (UnknownLocaleError, ValueError):
            return cldr_locale(language)
        return f"{language}_{country}"
    return cldr_locale(language)


# The comma and semicolon of scripts that have their own; Latin ones elsewhere.
_PUNCTUATION = {"ar": ("،", "؛")}


def comma(language: str) -> str:
    return _PUNCTUATION.get(language, (",", ";"))[0]


def semicolon(language: str) -> str:
    return _PUNCTUATION.get(language, (",", ";"))[1]
