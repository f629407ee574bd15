"""One search index per language, instead of static-i18n's single merged one.

A reader searching in French gets French pages only, stemmed the French way, and downloads only
the French index: a page's weight does not grow with the number of languages built.
"""

from __future__ import annotations

from collections.abc import Iterable

# Languages that the lunr-languages set Material ships (assets/javascripts/lunr/) knows: their own
# tokeniser, trimmer and stop words. Others are matched plainly, with no stop words.
LUNR_LANGUAGES = frozenset(
    {
        "ar",
        "da",
        "de",
        "du",
        "el",
        "es",
        "fi",
        "fr",
        "hi",
        "hu",
        "hy",
        "it",
        "ja",
        "kn",
        "ko",
        "nl",
        "no",
        "pt",
        "ro",
        "ru",
        "sa",
        "sv",
        "ta",
        "te",
        "th",
        "tr",
        "vi",
        "zh",
    }
)


def search_config(language: str, base: dict) -> dict:
    """The index's `config` for one language, keeping Material's separator and field boosts."""
    config = dict(base)
    # No stemmer: Material's worker keeps only results whose indexed terms start with every typed
    # word, and a stem is often shorter than the word ("capture" is indexed as "captur"), so a
    # stemmed index finds nothing. Prefix matching as the reader types covers most word endings.
    if language == "en" or language in LUNR_LANGUAGES:
        config["lang"] = [language]
        config["pipeline"] = ["trimmer", "stopWordFilter"]
    else:
        config["lang"] = ["en"]
        config["pipeline"] = ["trimmer"]
    return config


def split_index(merged: dict, *, default: str, languages: Iterable[str]) -> dict[str, dict]:
    """Per language, an index whose locations are relative to that language's root folder."""
    others = [language for language in languages if language != default]
    indexes: dict[str, dict] = {}
    for language in [default, *others]:
        if language == default:
            docs = [doc for doc in merged["docs"] if not doc["location"].startswith(tuple(f"{o}/" for o in others))]
        else:
            prefix = f"{language}/"
            docs = [
                {**doc, "location": doc["location"].removeprefix(prefix)}
                for doc in merged["docs"]
                if doc["location"].startswith(prefix)
            ]
        indexes[language] = {"config": search_config(language, merged["config"]), "docs": docs}
    return indexes
