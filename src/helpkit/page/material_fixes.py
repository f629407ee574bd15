"""Small repairs to Material's HTML that the Nu HTML Checker reports on every page.

Each function names the Material behaviour it replaces; they run on the finished page because the
markup comes from Material's own partials, which we would otherwise have to copy whole.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"', re.IGNORECASE)
_EMPTY_TABINDEX = re.compile(r'\s+tabindex=""')
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.DOTALL)


def drop_checkbox_autocomplete(page: str) -> str:
    """Material sets autocomplete="off" on its hidden drawer and search toggles (to stop Firefox
    restoring them open); HTML allows the attribute only on text-like inputs."""
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", page)


def drop_empty_tabindex(page: str) -> str:
    """Material's navigation.sections renders section labels with tabindex="", which is no number."""
    return _EMPTY_TABINDEX.sub("", page)


def fix_orphan_toc_label(page: str) -> str:
    """On section index pages Material writes a label for the table-of-contents toggle without the
    toggle itself; a label must point at a control, so it becomes plain text there."""
    if 'id="__toc"' in page:
        return page
    return _TOC_LABEL.sub(r'<span class="md-nav__title">\1</span>', page)


_SWITCHER_LINK = re.compile(r'(<a href="[^"]*" hreflang="([a-zA-Z-]+)" class="md-select__link")')


def mark_switcher_languages(page: str) -> str:
    """Material's language switcher writes each language's name in that language but marks it only
    with hreflang; lang tells screen readers to pronounce "Français" or "العربية" correctly."""
    return _SWITCHER_LINK.sub(r'\1 lang="\2"', page)


_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_LABEL = re.compile(r'<input type="text" class="md-search__input"[^>]*\baria-label="([^"]*)"')


def name_search_dialog(page: str) -> str:
    """Material's search layer is a dialog without a name (axe: aria-dialog-name); it takes the
    name of its own search field, already in the page's language."""
    found = _SEARCH_LABEL.search(page)
    if not found:
        return page
    named = _SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{found.group(1)}"')
    return page.replace(_SEARCH_DIALOG, named, 1)


_ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">', re.IGNORECASE)


def drop_alternate_links(page: str) -> str:
    """Remove the <head>'s hreflang links to the page in other languages.

    Material's script fetches `sitemap.xml` beside every one of them on every page load: with
    static-i18n those files do not exist, so each language costs a reader one useless request and
    a 404. The sitemap at the site's root already lists every page's languages for search engines,
    and the language switcher links straight to the same page in each language.
    """
    return _ALTERNATE_LINK.sub("", page)


def repair(page: str) -> str:
    page = drop_alternate_links(drop_checkbox_autocomplete(drop_empty_tabindex(page)))
    return name_search_dialog(mark_switcher_languages(fix_orphan_toc_label(page)))
