"""Advice pages before the directory in search results.

Someone who types "sextortion", "police" or "delete" needs the pages that say what to do; the
directory, which lists who to call in every country, comes after them. Material's search did the
opposite: lunr scores with BM25 but Material turns its length normalisation off (b = 0), so a long
entry gains with every repetition of a word, and Material multiplies a page's own entry by 5 and a
section's by 2. A directory page was one long entry saying "sextortion" once per channel that
handles it; an advice page says it once, in a section. The directory came first for "sextortion"
in English and in most translations.

The directory's entries now carry a lunr document boost (Material passes each entry's `boost` to
lunr, which multiplies every weight of the entry by it) far below an advice entry's: the same word
weighs less in a directory entry's text than in any advice entry's text, however often it is said.
A directory entry's title (a country's name) still outweighs an advice page's text, so "Sweden"
still finds Sweden's channels first.
"""

from __future__ import annotations

from collections.abc import Iterable

# The folder of the directory's pages, below each language's root (hooks/directory.py).
DIRECTORY = "directory/"

# lunr weighs a word in an entry's field as idf x 2.2 tf / (1.2 + tf) x the field's boost (title
# 1000, text 1) x the entry's boost; the tf factor grows from 1 (once) to at most 2.2. Material then
# multiplies a page's own entry by 5 and a section's by 2. At 1/100, a directory entry that says a
# word ten times (1.96) in a page's own entry (x5) weighs 0.1 against 2 for an advice section that
# says it once: 20 times less. Measured on the six everyday words in the eleven languages, the
# lowest advice result scores 9 to 140 times the highest directory one. A word in a directory
# entry's title (x1000 x 1/100 = x10) still outweighs it in an advice page's text. lunr rounds each
# weight to 0.001: at 1/100 a word found in half the entries (idf 0.69) keeps a weight of 0.007, where
# 1/1000 would round it away.
DIRECTORY_BOOST = 0.01


def is_directory(location: str) -> bool:
    """Whether an entry (location relative to its language's root) is one of the directory's."""
    return location.startswith(DIRECTORY)


def rank_directory_last(docs: Iterable[dict]) -> list[dict]:
    """The entries with the directory's weighed down, keeping any boost a page's front matter set."""
    return [
        {**doc, "boost": round(doc.get("boost", 1) * DIRECTORY_BOOST, 6)} if is_directory(doc["location"]) else doc
        for doc in docs
    ]
