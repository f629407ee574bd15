"""The offline copy (`make offline`, Material's offline plugin on): nothing may come from elsewhere.

Material's offline plugin adds the iframe-worker shim from unpkg.com so that search can run from
file://. The copy serves the shim from itself instead, taken at build time from the npm package
that `make offline` installs (tools/node), never committed.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from helpkit.build import i18n

SHIM = "assets/javascripts/iframe-worker-shim.js"
PACKAGE_SHIM = Path("tools/node/node_modules/iframe-worker/shim/index.js")


# After the offline plugin's own on_config (0), which adds the unpkg.com address.
@event_priority(-10)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not i18n.offline_enabled(config):
        return config
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [SHIM if "iframe-worker" in str(url) else url for url in polyfills]
    return config


@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not i18n.offline_enabled(config):
        return files
    shim = Path(config.config_file_path).parent / PACKAGE_SHIM
    if not shim.is_file():
        raise PluginError(
            f"{PACKAGE_SHIM}: missing: expected the iframe-worker package, which `make offline` "
            "installs (npm ci --prefix tools/node)"
        )
    files.append(File.generated(config, SHIM, content=shim.read_text(encoding="utf-8")))
    return files
