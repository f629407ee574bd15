"""Validate the edition settings, apply SITE_COUNTRY / SITE_LANGUAGES, load the interface strings."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from helpkit.edition.colours import edition_css
from helpkit.edition.settings import EditionError, language_text_problems, read_edition
from helpkit.i18n.strings import StringsError, load_strings

# static-i18n runs on_config once per language: read the strings files once per build, again only
# when one of them changed (as under `make serve`).
_loaded: dict[tuple, dict] = {}


def _strings(folder: Path, languages: tuple[str, ...]) -> dict:
    key = (folder, languages, tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.glob("*.yml"))))
    if key not in _loaded:
        _loaded.clear()
        _loaded[key] = load_strings(folder, languages)
    return _loaded[key]


# Before static-i18n's own on_config (-100), which reads which languages to build.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = config.plugins["i18n"]
    configured = [language.locale for language in i18n.config.languages]
    languages = [
        {
            key: getattr(language, key, None)
            for key in ("locale", "name", "site_name", "site_description", "nav_translations")
        }
        for language in i18n.config.languages
    ]
    config_file = os.path.basename(config.config_file_path or "mkdocs.yml")
    problems = language_text_problems(languages, site=config, config_file=config_file)
    try:
        edition = read_edition(config.extra, languages=configured, environ=os.environ, config_file=config_file)
    except EditionError as error:
        problems = [*error.problems, *problems]
    if problems:
        raise PluginError(str(EditionError(problems)))
    for setting in ("logo", "favicon"):
        image = config.theme.get(setting)
        if image and not (Path(config.docs_dir) / image).is_file():
            raise PluginError(
                f"mkdocs.yml: theme.{setting}: {image!r}: expected an image file below {config.docs_dir}/"
            )
    try:
        strings = _strings(Path(config.config_file_path).parent / "data" / "strings", edition.languages)
    except StringsError as error:
        raise PluginError(str(error)) from None
    # static-i18n builds the languages flagged `build`, and its first build is the `default` one.
    for language in i18n.config.languages:
        language.build = language.locale in edition.languages
        language.default = language.locale == edition.languages[0]
        language.link = "/" if language.default else f"/{language.locale}/"
    config.extra["edition"] = edition
    config.extra["strings"] = strings
    if EDITION_CSS not in config.extra_css:
        config.extra_css.append(EDITION_CSS)
    return config


EDITION_CSS = "assets/stylesheets/edition.css"


# After static-i18n (-100) has sorted the files into the current language.
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    css = edition_css(config.extra["edition"].brand_colour)
    files.append(File.generated(config, EDITION_CSS, content=css))
    return files
