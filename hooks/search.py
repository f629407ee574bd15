"""Split static-i18n's merged search index into one index per language, each in its own folder.

Each page's Material config then points its search at its own language's folder and at a worker
that stems the query as the index is stemmed (see helpkit.page.edits.set_search and
helpkit/stemmed_query.js), and assets/javascripts/lazy-search.js holds the worker and the index back
until the reader opens search.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from helpkit.build import i18n
from helpkit.build.state import current
from helpkit.search.index import split_index, stemmed_worker

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


# After static-i18n (-100) has written the merged index: once, on the outermost build.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if not i18n.is_last_pass(config):
        return
    site = Path(config.site_dir)
    merged_path = site / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    indexes = split_index(merged, default=i18n.default(config), languages=i18n.built(config))
    for language, index in indexes.items():
        folder = site / i18n.folder(config, language) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        if i18n.offline_enabled(config):
            # From file:// Material loads the index as a script, as the offline plugin writes it.
            (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
