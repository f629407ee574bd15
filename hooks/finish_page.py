"""Finish every HTML page: the quick exit first in <body>, and the text direction on <html>."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from helpkit.pagehtml import insert_after_body_open, set_html_direction
from helpkit.quickexit import render_quick_exit


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    language = config.plugins["i18n"].current_language
    bar = render_quick_exit(
        target=config.extra["edition"].quick_exit_url,
        strings=config.extra["strings"][language],
    )
    return set_html_direction(insert_after_body_open(output, bar))
