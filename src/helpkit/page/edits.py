"""Edits to a finished HTML page that the theme's templates cannot make."""

from __future__ import annotations

import json
import re

_HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)
_BODY_DIR = re.compile(r"<body\b[^>]*\bdir=\"(ltr|rtl)\"", re.IGNORECASE)


def set_html_direction(page: str) -> str:
    """Copy the body's `dir` onto <html>, where Material leaves it out.

    Browsers and screen readers take the document's base direction from the root element; on
    <body> alone, the <head>'s title and the page's first announcement keep the wrong direction.
    """
    found = _BODY_DIR.search(page)
    if not found:
        return page
    direction = found.group(1)

    def add_dir(match: re.Match[str]) -> str:
        attributes = re.sub(r'\sdir="[^"]*"', "", match.group(1))
        return f'<html{attributes} dir="{direction}">'

    return _HTML_TAG.sub(add_dir, page, count=1)


_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def insert_after_body_open(page: str, fragment: str) -> str:
    """Put `fragment` first inside <body>, ahead of Material's skip link in the tab order."""
    text = str(fragment)  # a Markup operand would escape the page it is added to
    return _BODY_OPEN.sub(lambda match: match.group(0) + text, page, count=1)


_EXTERNAL_LINK = re.compile(r'<a\b(?=[^>]*\bhref="(?:https?:)?//)([^>]*)>', re.IGNORECASE)
_REL = re.compile(r'\srel="([^"]*)"', re.IGNORECASE)


def protect_external_links(page: str) -> str:
    """Every link to another site gets rel="noopener noreferrer": it learns nothing about this one."""

    def protect(match: re.Match[str]) -> str:
        attributes = match.group(1)
        found = _REL.search(attributes)
        tokens = found.group(1).split() if found else []
        tokens += [token for token in ("noopener", "noreferrer") if token not in tokens]
        attributes = _REL.sub("", attributes)
        return f'<a{attributes} rel="{" ".join(tokens)}">'

    return _EXTERNAL_LINK.sub(protect, page)


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def set_search(page: str, *, folder: str, worker: str) -> str:
    """Point Material's search at a language's own index and at the worker that reads it.

    Material loads `<base>search/search_index.json` and resolves result links against the same
    base; the per-language indexes hold locations relative to their language's folder. `worker` is
    the file name that replaces Material's own in the same folder.
    """

    def point(match: re.Match[str]) -> str:
        config = json.loads(match.group(2))
        if folder:
            config["base"] = f"{config['base'].rstrip('/')}/{folder}/"
        config["search"] = f"{config['search'].rsplit('/', 1)[0]}/{worker}"
        return match.group(1) + json.dumps(config, ensure_ascii=False, separators=(",", ":")) + match.group(3)

    return _CONFIG.sub(point, page, count=1)


# The page's title and the paragraph that follows it, as Python-Markdown writes them, with the list
# that paragraph introduces ("They want you to:") if one follows at once.
_LEAD = re.compile(r"<h1\b[^>]*>.*?</h1>\s*(?:<p\b[^>]*>.*?</p>(?:\s*<(ul|ol)\b.*?</\1>)?)?", re.DOTALL)


def insert_after_lead(content: str, fragment: str) -> str:
    """`fragment` after the page's title and first paragraph (and its list); first if the page has no title.

    A note on the page (a translation not yet reviewed) must not be the first thing a frightened
    reader meets, nor be hidden at the bottom: it goes after the words that say what the page is.
    """
    found = _LEAD.search(content)
    if not found:
        return fragment + content
    return content[: found.end()] + fragment + content[found.end() :]
