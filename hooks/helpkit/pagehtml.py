"""Edits to a finished HTML page that the theme's templates cannot make."""

from __future__ import annotations

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
