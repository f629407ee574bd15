"""Tell readers how fresh their translation is, and refuse English pages passed off as translations.

static-i18n fills a page missing from a language with the English file; this hook names each such
page as a warning, which `--strict` turns into a failed build.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from helpkit.build import i18n
from helpkit.build.state import current
from helpkit.i18n.translations import OUTDATED, SOURCE_LANGUAGE, UNREVIEWED, page_state
from helpkit.page.edits import insert_after_lead

log = get_plugin_logger("translations")


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The note goes after the page's title and first paragraph: calm, and not the first thing read."""
    return insert_after_lead(html, str(_note(page, config)))


def _note(page: Page, config: MkDocsConfig) -> Markup:
    language = i18n.current(config)
    if language == SOURCE_LANGUAGE or page.file.generated_by is not None:
        return Markup("")
    if i18n.page_language(page.file) != language:
        relative = PurePosixPath(page.file.src_uri).relative_to(SOURCE_LANGUAGE)
        log.warning(
            f"untranslated: '{relative}' would be shown in English in '{language}': "
            f"translate it into docs/{language}/{relative}"
        )
        return Markup("")
    relative = PurePosixPath(page.file.src_uri).relative_to(language)
    source = Path(config.docs_dir) / SOURCE_LANGUAGE / relative
    state = page_state(source.read_text(encoding="utf-8"), page.meta)
    strings = current().strings[language]
    if state == OUTDATED:
        english = i18n.alternate(page.file, SOURCE_LANGUAGE)
        href = get_relative_url(english.url, page.url) if english else ""
        return Markup(
            '<p class="shk-translation shk-translation--outdated" role="note">{} '
            '<a href="{}" hreflang="en" lang="en">{}</a></p>'
        ).format(strings["translation.outdated"], href, strings["translation.read_english"])
    if state == UNREVIEWED:
        return Markup('<p class="shk-translation" role="note">{}</p>').format(strings["translation.unreviewed"])
    return Markup("")
