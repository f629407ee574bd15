"""Validate the edition settings, apply SITE_COUNTRY / SITE_LANGUAGES, load the interface strings."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpkit.edition import EditionError, read_edition
from helpkit.strings import StringsError, load_strings


# Before static-i18n's own on_config (-100), which reads which languages to build.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = config.plugins["i18n"]
    configured = [language.locale for language in i18n.config.languages]
    try:
        edition = read_edition(
            config.extra,
            languages=configured,
            environ=os.environ,
            config_file=os.path.basename(config.config_file_path or "mkdocs.yml"),
        )
    except EditionError as error:
        raise PluginError(str(error)) from None
    try:
        strings = load_strings(Path(config.config_file_path).parent / "data" / "strings", edition.languages)
    except StringsError as error:
        raise PluginError(str(error)) from None
    # static-i18n builds the languages flagged `build`, and its first build is the `default` one.
    for language in i18n.config.languages:
        language.build = language.locale in edition.languages
        language.default = language.locale == edition.languages[0]
        language.link = "/" if language.default else f"/{language.locale}/"
    config.extra["edition"] = edition
    config.extra["strings"] = strings
    return config
