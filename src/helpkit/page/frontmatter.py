"""Front matter of a Markdown page: read the way MkDocs reads it, written with a YAML serializer,
and checked, because MkDocs publishes front matter it cannot parse as the page's text."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import yaml
from mkdocs.utils.meta import YAML_RE, get_data

from helpkit.yamltext import load_yaml


def split_front_matter(source: str) -> tuple[dict[str, Any], str]:
    """The page's YAML front matter and the Markdown after it."""
    body, meta = get_data(source)
    return meta, body


def front_matter_problem(source: str) -> str | None:
    """Why the page's front matter is not what MkDocs needs ('line N: ...'), or None if it is."""
    found = YAML_RE.match(source)
    if not found:
        return None
    try:
        data = load_yaml(found.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        # The block starts on the line after the opening '---'.
        line = f"line {mark.line + 2}: " if mark is not None else ""
        reason = getattr(error, "problem", None) or str(error)
        return f"{line}front matter is not valid YAML ({reason}): expected key: value lines between the two '---'"
    if data is not None and not isinstance(data, dict):
        return "line 2: front matter is not a mapping: expected key: value lines between the two '---'"
    return None


def page_source(meta: Mapping[str, str], *, heading: str) -> str:
    """A generated page: its front matter (any text, quotes included, stays valid YAML) and its title."""
    front = yaml.safe_dump(dict(meta), allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n\n# {html.escape(heading, quote=False)}\n"
