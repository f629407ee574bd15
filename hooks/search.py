"""Split static-i18n's merged search index into one index per language, each in its own folder.

Each page's Material config then points its search at its own language's folder (see
helpkit.pagehtml.set_search_base), and assets/javascripts/lazy-search.js holds the index back until
the reader opens search.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from helpkit.search_index import split_index
from offline import offline_enabled


# After static-i18n (-100) has written the merged index: once, on the outermost build.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    if i18n.building:
        return
    site = Path(config.site_dir)
    merged_path = site / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    indexes = split_index(merged, default=i18n.default_language, languages=i18n.build_languages)
    for language, index in indexes.items():
        folder = site / ("" if language == i18n.default_language else language) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        if offline_enabled(config):
            # From file:// Material loads the index as a script, as the offline plugin writes it.
            (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
