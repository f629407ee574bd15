"""Finish every HTML page: the quick exit first in <body>, the text direction on <html>, protected
outbound links, and a Content-Security-Policy hashed over the page's final inline scripts."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from helpkit.csp import add_security_meta
from helpkit.material_fixes import repair
from helpkit.pagehtml import (
    insert_after_body_open,
    protect_external_links,
    set_html_direction,
    set_search,
)
from helpkit.quickexit import render_quick_exit
from offline import offline_enabled

# static-i18n renders 404.html once per language into the same file, so the last language built
# would win; the default language's copy is kept and written back once every language is built.
_not_found: dict[str, str] = {}


# Last, so that the policy hashes the scripts as they are finally written.
@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return finish(output, config)


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    finished = finish(output_content, config)
    i18n = config.plugins["i18n"]
    if i18n.current_language == i18n.default_language:
        _not_found["page"] = finished
    return finished


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building or "page" not in _not_found:
        return
    (Path(config.site_dir) / "404.html").write_text(_not_found.pop("page"), encoding="utf-8")


def finish(output: str, config: MkDocsConfig) -> str:
    i18n = config.plugins["i18n"]
    language = i18n.current_language
    bar = render_quick_exit(
        target=config.extra["edition"].quick_exit_url,
        strings=config.extra["strings"][language],
    )
    output = set_html_direction(insert_after_body_open(repair(output), bar))
    folder = "" if language == i18n.default_language else language
    output = set_search(output, folder=folder, worker=config.extra["search_worker"])
    return add_security_meta(protect_external_links(output), offline=offline_enabled(config))
