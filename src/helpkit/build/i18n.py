"""The only code that reads or writes static-i18n's (and Material's offline plugin's) internals.

static-i18n builds the default language first, then, from its own `on_post_build`, every other
language again with the same config: `is_first_pass` tells a hook it is at the start of a build,
`is_last_pass` that every language is built. The default language lives at the site's root, every
other one in a folder named after it (`folder`, `in_language`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page


@dataclass(frozen=True)
class LanguageSettings:
    """One entry of `plugins: i18n: languages:` in mkdocs.yml, as configured."""

    locale: str
    name: str
    site_name: str | None
    site_description: str | None
    nav_translations: Mapping[str, str]

    def as_mapping(self) -> dict[str, Any]:
        return {
            "locale": self.locale,
            "name": self.name,
            "site_name": self.site_name,
            "site_description": self.site_description,
            "nav_translations": self.nav_translations,
        }


def _plugin(config: MkDocsConfig) -> Any:
    return config.plugins["i18n"]


def configured(config: MkDocsConfig) -> list[LanguageSettings]:
    return [
        LanguageSettings(
            locale=language.locale,
            name=language.name,
            site_name=language.site_name,
            site_description=language.site_description,
            nav_translations=language.nav_translations or {},
        )
        for language in _plugin(config).config.languages
    ]


def choose(config: MkDocsConfig, languages: Iterable[str]) -> None:
    """Build exactly these languages, the first at the site's root (before static-i18n's on_config)."""
    chosen = list(languages)
    for language in _plugin(config).config.languages:
        language.build = language.locale in chosen
        language.default = language.locale == chosen[0]
        language.link = "/" if language.default else f"/{language.locale}/"


def current(config: MkDocsConfig) -> str:
    """The language being built (from on_files on; None in a build's very first on_config)."""
    return _plugin(config).current_language


def default(config: MkDocsConfig) -> str:
    return _plugin(config).default_language


def built(config: MkDocsConfig) -> list[str]:
    return list(_plugin(config).build_languages)


def is_first_pass(config: MkDocsConfig) -> bool:
    """True in the default language's pass, which starts every build."""
    plugin = _plugin(config)
    return plugin.current_language in (None, plugin.default_language)


def is_last_pass(config: MkDocsConfig) -> bool:
    """True in the outermost on_post_build, once every language is built."""
    return not _plugin(config).building


def folder(config: MkDocsConfig, language: str) -> str:
    """The language's folder below the site's root: '' for the default language."""
    return "" if language == default(config) else language


def in_language(config: MkDocsConfig, language: str, path: str) -> str:
    """A path below the docs or site root, in the language's folder."""
    prefix = folder(config, language)
    return f"{prefix}/{path}" if prefix else path


def url_of(config: MkDocsConfig, language: str, path: str) -> str:
    """The site-relative URL of a page (given by its Markdown path) in a language."""
    return File.generated(config, in_language(config, language, path), content="").url


def generated_page(config: MkDocsConfig, path: str, content: str, language: str, *, in_nav: bool = True) -> File:
    """A page made by a hook, sorted into the language as static-i18n sorts its own, with its twin
    in every other language so that the language switcher keeps the reader on it."""
    generated = File.generated(
        config,
        in_language(config, language, path),
        content=content,
        inclusion=InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV,
    )
    generated.locale = language  # type: ignore[attr-defined]
    generated.locale_alternate_of = language  # type: ignore[attr-defined]
    generated.alternates = {  # type: ignore[attr-defined]
        other: generated if other == language else File.generated(config, in_language(config, other, path), content="")
        for other in built(config)
    }
    return generated


def list_in_sitemap(config: MkDocsConfig, files: Files) -> None:
    """Have the sitemap list the language's pages as they are now, the hooks' own included.

    static-i18n records each language's pages for its sitemap in its own on_files (-100), before
    the hooks add the directory, "Report it on the app", the guided path and an edition's pages
    (-200): without this they would be missing from sitemap.xml.
    """
    _plugin(config).i18n_files_per_language[current(config)] = files.documentation_pages()


def page_language(file: File) -> str | None:
    """The language static-i18n sorted a page's file into (None for generated files)."""
    return getattr(file, "locale", None)


def alternate(file: File, language: str) -> File | None:
    """The same page in another language, if static-i18n found one."""
    return getattr(file, "alternates", {}).get(language)


def offline_enabled(config: MkDocsConfig) -> bool:
    """Whether Material's offline plugin is on (`make offline`)."""
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def source_name(page: Page, config: MkDocsConfig) -> str:
    """The file a page comes from, as an editor finds it: docs/fr/about.md, or what generated it."""
    if page.file.generated_by:
        return f"{page.file.src_uri} (made by the build from {page.file.generated_by})"
    return f"{Path(config.docs_dir).name}/{page.file.src_uri}"
