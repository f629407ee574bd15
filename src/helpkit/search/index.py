"""One search index per language, instead of static-i18n's single merged one.

A reader searching in French gets French pages only, stemmed the French way, and downloads only
the French index: a page's weight does not grow with the number of languages built.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from importlib import resources

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


# Without a lunr language, words are split at spaces, hyphens and punctuation and matched as
# written: lunr's English trimmer would strip every letter outside A-Z (all of Ukrainian, say).
PLAIN_SEPARATOR = r"[\s\-.,:;!?()\[\]«»\"“”„…]+"

STEMMED_QUERY = resources.files(__package__) / "stemmed_query.js"


def search_config(language: str, base: dict) -> dict:
    """The index's `config` for one language, keeping Material's field boosts."""
    config = dict(base)
    if language == "en" or language in LUNR_LANGUAGES:
        # The language's tokeniser, trimmer, stop words and stemmer; the worker stems the query
        # the same way (stemmed_query.js).
        config["lang"] = [language]
        config["pipeline"] = ["trimmer", "stopWordFilter", "stemmer"]
    else:
        config["lang"] = ["en"]
        config["pipeline"] = []
        config["separator"] = PLAIN_SEPARATOR
    return config


def stemmed_worker(material_worker: str) -> tuple[str, str]:
    """Material's search worker with stemmed_query.js appended, and a file name in Material's own
    pattern (search.<hash>.min.js) that changes with either."""
    # Material's source map describes its own file, not this one.
    material = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "", material_worker.rstrip())
    content = material + "\n" + STEMMED_QUERY.read_text(encoding="utf-8")
    digest = hashlib.sha256(content.encode()).hexdigest()[:8]
    return f"search.{digest}.min.js", content


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


def replace_pages(docs: Iterable[dict], pages: Mapping[str, list[dict]]) -> list[dict]:
    """The entries, with those of each page in `pages` (by its location) replaced by the given ones,
    where the page's first entry was: Material reads a page's own entry before its sections."""
    replaced: list[dict] = []
    for doc in docs:
        page = doc["location"].split("#", 1)[0]
        if page not in pages:
            replaced.append(doc)
        elif doc["location"] == page:
            replaced.extend(pages[page])
    return replaced
