"""Front matter of a Markdown page, read the way MkDocs reads it."""

from __future__ import annotations

from typing import Any

from mkdocs.utils.meta import get_data


def split_front_matter(source: str) -> tuple[dict[str, Any], str]:
    """The page's YAML front matter and the Markdown after it."""
    body, meta = get_data(source)
    return meta, body
