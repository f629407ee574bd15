"""Start the build: validate the edition settings, apply SITE_COUNTRY / SITE_LANGUAGES, load the
interface strings, and make the build state every other hook reads (helpkit.build.state)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from helpkit.build import i18n
from helpkit.build.state import BuildState, begin, current, end
from helpkit.directory.opendata import DATA_LICENCE, PAGES_LICENCE
from helpkit.edition.assets import edition_assets
from helpkit.edition.blocks import declared_points, fill, read_blocks
from helpkit.edition.colours import edition_css
from helpkit.edition.pages import read_pages
from helpkit.edition.settings import EditionError, edition_of, language_text_problems, site_address
from helpkit.i18n.strings import load_strings
from helpkit.problems import ProblemsError
from helpkit.project import Project

EDITION_CSS = "assets/stylesheets/edition.css"


# Before static-i18n's own on_config (-100), which reads which languages to build.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if i18n.current(config) is not None:
        return config  # a later language of the same build: the state is made
    languages = i18n.configured(config)
    config_file = os.path.basename(config.config_file_path or "mkdocs.yml")
    problems = language_text_problems(
        [language.as_mapping() for language in languages], site=config, config_file=config_file
    )
    # The settings as MkDocs read them: mkdocs.yml is not read a second time.
    project = Project(Path(config.config_file_path), config)
    try:
        edition = edition_of(project, environ=os.environ, languages=[language.locale for language in languages])
    except EditionError as error:
        raise PluginError(str(EditionError([*map(str, error.problems), *problems]))) from None
    address, wrong = site_address(
        edition.site_url, environ=os.environ, for_publication=edition.for_publication, origin=edition.site_url_origin
    )
    problems += wrong
    if problems:
        raise PluginError(str(EditionError(problems)))
    assets = edition_assets(project.edition_assets)
    for setting in ("logo", "favicon"):
        image = config.theme.get(setting)
        if image and image not in assets and not (Path(config.docs_dir) / image).is_file():
            raise PluginError(
                f"mkdocs.yml: theme.{setting}: {image!r}: expected an image file below {config.docs_dir}/ "
                f"or {project.edition_assets.parent.name}/"
            )
    try:
        strings = load_strings(project.strings, edition.languages, overrides=project.edition_strings)
        points = declared_points(Path(config.docs_dir), [language.locale for language in languages])
        blocks = read_blocks(project.edition_blocks, points=points)
        pages = read_pages(
            project.edition_pages,
            pages=edition.pages,
            languages=edition.languages,
            configured=[language.locale for language in languages],
            nav=config.nav or [],
            reserved=_reserved_names(Path(config.docs_dir), [language.locale for language in languages]),
        )
    except ProblemsError as error:
        raise PluginError(str(error)) from None
    # Before static-i18n and the sitemap read it.
    config.site_url = address or config.site_url
    i18n.choose(config, edition.languages)
    config.nav = pages.nav
    begin(BuildState(edition=edition, strings=strings, blocks=blocks, assets=assets, pages=pages.texts))
    if EDITION_CSS not in config.extra_css:
        config.extra_css.append(EDITION_CSS)
    return config


# What the build publishes at a language's root besides docs/<lang>/: the directory and its regions,
# "Report it on the app", the guided path, the data, the search index, the theme's files.
_BUILT_NAMES = ("directory", "report-on-apps", "guide", "data", "search", "assets", "404")


def _reserved_names(docs: Path, languages: list[str]) -> set[str]:
    """Names an edition's page may not take: what the kit publishes at a language's root."""
    names = {*_BUILT_NAMES, *languages}
    for language in languages:
        if (docs / language).is_dir():
            names.update(path.name.removesuffix(".md") for path in (docs / language).iterdir())
    return names


# After static-i18n (-100) has sorted the files into the current language.
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    state = current()
    language = i18n.current(config)
    for name, text in state.pages.get(language, {}).items():
        files.append(i18n.generated_page(config, name, text, language))
    files.append(File.generated(config, EDITION_CSS, content=edition_css(state.edition.brand_colour)))
    for src_uri, path in state.assets.items():
        kits = files.get_file_from_path(src_uri)
        if kits is not None:
            files.remove(kits)
        files.append(File.generated(config, src_uri, abs_src_path=str(path)))
    return files


def _theme_values(context: dict, config: MkDocsConfig) -> dict:
    # What overrides/ prints besides MkDocs' own context: the publisher, the page's strings, the licences.
    state = current()
    context["edition"] = state.edition
    context["strings"] = state.strings[i18n.current(config)]
    context["licences"] = [
        ("footer.licence_pages", "CC BY-SA 4.0", PAGES_LICENCE["path"]),
        ("footer.licence_data", "CC BY 4.0", DATA_LICENCE["path"]),
    ]
    return context


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The edition's text at each point the page leaves for it; the point's line dropped otherwise."""
    return fill(markdown, current().blocks.get(i18n.current(config) or "", {}))


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    return _theme_values(context, config)


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    return _theme_values(context, config)


# Last of all, once every language is built.
@event_priority(-1000)
def on_post_build(config: MkDocsConfig) -> None:
    if i18n.is_last_pass(config):
        end()


def on_build_error(error: Exception) -> None:
    end()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    """`make serve` rebuilds when the edition's own files change, as when the kit's do (the folder
    cannot be in mkdocs.yml's `watch:`, which refuses a path that does not exist, as in the kit)."""
    folder = Project(Path(config.config_file_path), config).edition_settings.parent
    if folder.is_dir():
        server.watch(str(folder))
    return server
