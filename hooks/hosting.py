"""Ready the built site for a campaign's traffic (helpkit.hosting.prepare), once every language is
built: one stylesheet (Material's without its unused rules, and the site's own), content-hashed
names for the site's own CSS and JavaScript, `_headers` and `_nginx.conf`
with the caching and security headers, and .gz copies of the text files (not in the offline copy).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from helpkit.build import i18n
from helpkit.hosting.fingerprints import base_path
from helpkit.hosting.prepare import prepare_site
from helpkit.problems import ProblemsError

log = get_plugin_logger("hosting")

# Loaded by overrides/main.html, not named in mkdocs.yml.
THEME_SCRIPTS = ("assets/javascripts/lazy-search.js",)


def own_assets(config: MkDocsConfig) -> list[str]:
    """The stylesheets and scripts the site adds to Material's: mkdocs.yml's extra_css (with
    hooks/edition.py's edition.css) and extra_javascript, and the theme override's own."""
    named = [str(item) for item in (*config.extra_css, *config.extra_javascript)]
    # An address on another site is not ours to rename (and finish_page refuses it anyway).
    ours = [path for path in named if not urlsplit(path).scheme and not path.startswith("//")]
    return list(dict.fromkeys([*ours, *THEME_SCRIPTS]))


# After every other hook's on_post_build (-200: the 404 pages, the search indexes, the open data
# are written), before hooks/edition.py ends the build (-1000); once, on the outermost build.
@event_priority(-500)
def on_post_build(config: MkDocsConfig) -> None:
    if not i18n.is_last_pass(config):
        return
    try:
        prepared = prepare_site(
            Path(config.site_dir),
            assets=own_assets(config),
            base=base_path(config.site_url or ""),
            offline=i18n.offline_enabled(config),
            stylesheets=[asset for asset in own_assets(config) if asset.endswith(".css")],
        )
    except ProblemsError as error:
        raise PluginError(str(error)) from None
    before = sum(item.size for item in prepared.compressed)
    after = sum(item.compressed for item in prepared.compressed)
    log.info(
        "stylesheets joined into one, Material's unused rules left out; "
        "%d own stylesheets and scripts content-hashed; %d caching rules in _headers; "
        "%d files pre-compressed (%d bytes to %d)",
        len(set(prepared.renamed.values())),
        len(prepared.rules),
        len(prepared.compressed),
        before,
        after,
    )
