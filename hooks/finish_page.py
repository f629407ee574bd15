"""Finish every HTML page: the quick exit first in <body>, the text direction on <html>, protected
outbound links, and a Content-Security-Policy hashed over the page's final inline scripts."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from helpkit.csp import add_security_meta
from helpkit.pagehtml import (
    drop_alternate_links,
    insert_after_body_open,
    protect_external_links,
    set_html_direction,
    set_search_base,
)
from helpkit.quickexit import render_quick_exit


# Last, so that the policy hashes the scripts as they are finally written.
@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    i18n = config.plugins["i18n"]
    language = i18n.current_language
    bar = render_quick_exit(
        target=config.extra["edition"].quick_exit_url,
        strings=config.extra["strings"][language],
    )
    output = set_html_direction(insert_after_body_open(drop_alternate_links(output), bar))
    output = set_search_base(output, "" if language == i18n.default_language else language)
    return add_security_meta(protect_external_links(output))
