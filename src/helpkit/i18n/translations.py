"""Which version of its English source each translated page translates, and whether a native
speaker has reviewed it.

A translated page says so in its front matter:

    translation:
      source: 3f2a9c41d0be   # source_hash() of the English page it was translated from
      reviewed: false        # true once a native speaker has checked it

so that the build and `make i18n-status` know when the English page has changed since.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpkit.edition.blocks import without_markers
from helpkit.page.frontmatter import split_front_matter

SOURCE_LANGUAGE = "en"
MISSING, OUTDATED, UNREVIEWED, CURRENT = "missing", "outdated", "unreviewed", "current"


def source_hash(text: str) -> str:
    """A short fingerprint of an English page, blind to line-ending differences and to the points
    it leaves for an edition's own text (helpkit.edition.blocks), which are not text to translate."""
    lines = without_markers(text.replace("\r\n", "\n")).split("\n")
    normal = "\n".join(line.rstrip() for line in lines).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class PageStatus:
    language: str
    page: str
    state: str
    detail: str = ""


def page_state(source_text: str, translated_meta: Mapping[str, Any]) -> str:
    """CURRENT, OUTDATED or UNREVIEWED for a translation with this front matter."""
    record = translated_meta.get("translation") or {}
    if record.get("source") != source_hash(source_text):
        return OUTDATED
    if record.get("reviewed") is not True:
        return UNREVIEWED
    return CURRENT


def source_pages(docs: Path) -> list[str]:
    root = docs / SOURCE_LANGUAGE
    return sorted(str(path.relative_to(root)) for path in root.rglob("*.md"))


def translation_status(docs: Path, languages: Iterable[str]) -> list[PageStatus]:
    """The state of every page in every language but English."""
    statuses = []
    for language in languages:
        if language == SOURCE_LANGUAGE:
            continue
        for page in source_pages(docs):
            translated = docs / language / page
            if not translated.is_file():
                statuses.append(PageStatus(language, page, MISSING))
                continue
            source = (docs / SOURCE_LANGUAGE / page).read_text(encoding="utf-8")
            meta, _ = split_front_matter(translated.read_text(encoding="utf-8"))
            statuses.append(PageStatus(language, page, page_state(source, meta)))
    return statuses


_TRANSLATION_BLOCK = re.compile(r"^translation:\n(?:[ \t]+.*\n)*", re.MULTILINE)


def stamp(translated_text: str, source_text: str, *, reviewed: bool) -> str:
    """The translated page with its `translation:` record set to the current English source."""
    block = f"translation:\n  source: {source_hash(source_text)}\n  reviewed: {str(reviewed).lower()}\n"
    if not translated_text.startswith("---\n"):
        return f"---\n{block}---\n\n{translated_text}"
    end = translated_text.index("\n---", 3) + 1
    front, rest = translated_text[:end], translated_text[end:]
    if _TRANSLATION_BLOCK.search(front):
        front = _TRANSLATION_BLOCK.sub(block, front, count=1)
    else:
        front += block
    return front + rest
