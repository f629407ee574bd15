"""Split static-i18n's merged search index into one index per language, each in its own folder.

Each page's Material config then points its search at its own language's folder and at a worker
that stems the query as the index is stemmed (see helpkit.page.edits.set_search and
helpkit/stemmed_query.js), and assets/javascripts/lazy-search.js holds the worker and the index back
until the reader opens search.

Before splitting, the directory's pages get entries of their own in place of Material's (one per
country, in sentences: helpkit.search.directory), which weigh less than the advice pages'
(helpkit.search.rank): a search lists the pages that say what to do before the lists of who to call.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from helpkit.build import i18n
from helpkit.build.state import current
from helpkit.search.directory import directory_entries
from helpkit.search.index import replace_pages, split_index, stemmed_worker
from helpkit.search.rank import is_directory, rank_directory_last

WORKERS = "assets/javascripts/workers/"


# After static-i18n (-100), which cannot sort generated files into languages.
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    material = next(
        (file for file in files if file.src_uri.startswith(f"{WORKERS}search.") and file.src_uri.endswith(".min.js")),
        None,
    )
    if material is None:
        raise PluginError(f"Material's search worker ({WORKERS}search.*.min.js) is not among the theme's files")
    name, content = stemmed_worker(material.content_string)
    files.append(File.generated(config, WORKERS + name, content=content))
    # Nothing loads Material's own copy or its source map any more.
    for unused in (material, files.get_file_from_path(material.src_uri + ".map")):
        if unused is not None:
            files.remove(unused)
    # finish_page names this worker in every page's Material config.
    current().search_worker = name
    return files


def _in_language(url: str, config: MkDocsConfig) -> str:
    """A page's URL below its language's folder, as the language's own index has it."""
    folder = i18n.folder(config, i18n.current(config))
    return url.removeprefix(f"{folder}/") if folder else url


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    # page.content is what Material's search plugin indexes in this same event.
    if is_directory(_in_language(page.url, config)) and page.content is not None:
        entries = directory_entries(page.content, location=page.url, title=page.title or "")
        current().directory_search[page.url] = entries
    return context


# After static-i18n (-100) has written the merged index: once, on the outermost build.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if not i18n.is_last_pass(config):
        return
    site = Path(config.site_dir)
    merged_path = site / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    merged["docs"] = replace_pages(merged["docs"], current().directory_search)
    indexes = split_index(merged, default=i18n.default(config), languages=i18n.built(config))
    for language, index in indexes.items():
        index["docs"] = rank_directory_last(index["docs"])
        folder = site / i18n.folder(config, language) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        if i18n.offline_enabled(config):
            # From file:// Material loads the index as a script, as the offline plugin writes it.
            (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
