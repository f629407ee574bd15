"""The site's own shapes on every page (helpkit.page.design): the start page's doors with their
icons, large step markers, a "next step" button, and no table of contents beside a step page.
"""

from __future__ import annotations

import functools
from importlib import resources

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpkit.build import i18n
from helpkit.page import design


@functools.cache
def _icon(name: str) -> Markup:
    # Material's own copy of the icon sets, the one its emoji extension inlines.
    path = resources.files("material") / "templates" / ".icons" / f"{name}.svg"
    if not path.is_file():
        raise PluginError(f"hooks/design.py: Material has no icon {name!r} (expected {path})")
    return design.icon_svg(path.read_text(encoding="utf-8"))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    design.hide_toc(page.meta)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    marked = design.mark_next_step(design.mark_steps(html))
    language = i18n.current(config)
    # MkDocs calls the root page "./" as a file and "" as a page.
    if page.url.removeprefix("./") != i18n.url_of(config, language, design.HOME_PAGE).removeprefix("./"):
        return marked
    icons = {i18n.url_of(config, language, path): _icon(name) for path, name in design.DOOR_ICONS.items()}
    wide = i18n.url_of(config, language, design.GUIDE_PAGE)
    return design.mark_doors(marked, page_url=page.url, icons=icons, wide=wide)
