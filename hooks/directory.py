"""Build the reporting-channel directory and the help box from data/reporting-channels.csv.

Thin on purpose: it reads the build's state from MkDocs and static-i18n and hands it to the pure
modules in helpkit/, which parse, validate and render.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from helpkit.build import i18n
from helpkit.build.state import current
from helpkit.directory.channels import SCHEMA, ChannelTable, default_schema
from helpkit.directory.countries import region_name, region_slug
from helpkit.directory.helpbox import (
    HelpBox,
    gap_descriptions,
    gap_problems,
    plan_helpbox,
    render_helpbox,
)
from helpkit.directory.load import read_directory
from helpkit.directory.numbers import fill_numbers
from helpkit.directory.opendata import (
    CSV_NAME,
    JSON_NAME,
    PACKAGE_NAME,
    SCHEMA_NAME,
    channels_csv,
    channels_json,
    data_package,
)
from helpkit.directory.render import regions_of, render_directory, render_region
from helpkit.i18n.strings import Strings
from helpkit.page.frontmatter import page_source
from helpkit.page.notfound import render_not_found
from helpkit.problems import ProblemsError
from helpkit.project import Project

log = get_plugin_logger("directory")

DIRECTORY_PAGE = "directory.md"
DIRECTORY_FOLDER = "directory"


def _project(config: MkDocsConfig) -> Project:
    return Project(Path(config.config_file_path), config)


def _language(config: MkDocsConfig) -> str:
    return i18n.current(config)


# After hooks/edition.py (100), which starts the build state; once per build.
@event_priority(90)
def on_config(config: MkDocsConfig) -> None:
    state = current()
    if state.channels is not None:
        return
    edition = state.edition
    project = _project(config)
    try:
        directory = read_directory(
            csv=project.channels_csv,
            notes=project.notes,
            languages=edition.languages,
            today=datetime.date.today(),
            country=edition.country,
            edition_csv=project.edition_channels_csv,
            edition_notes=project.edition_notes,
        )
    except ProblemsError as error:
        raise PluginError(str(error)) from None
    if directory.corrected or directory.added:
        log.info(
            "%s: %d rows of the kit corrected (%s), %d added (%s)",
            project.edition_channels_csv.relative_to(project.root),
            len(directory.corrected),
            ", ".join(directory.corrected) or "none",
            len(directory.added),
            ", ".join(directory.added) or "none",
        )
    box = plan_helpbox(directory.table, edition.country)
    for gap in gap_descriptions(box):
        # INFO, not WARNING: a one-command try of any country (`--strict`) must still build.
        log.info("help box: %s", gap)
    if edition.for_publication:
        problems = gap_problems(
            box, acknowledged=edition.helpbox_gaps_acknowledged, setting=edition.origin("helpbox_gaps_acknowledged")
        )
        if problems:
            raise PluginError(str(ProblemsError("the help box of this edition", problems)))
    for warning in directory.table.warnings:
        # INFO, not WARNING: `--strict` would fail the build over a date that only needs re-checking.
        log.info("data to review: %s", warning)
    state.channels = directory.table
    state.notes = directory.notes


def _box(config: MkDocsConfig) -> HelpBox:
    """The language's help box: the same on every page, so planned once per language."""
    state, language = current(), _language(config)
    if language not in state.boxes:
        state.boxes[language] = plan_helpbox(_table(), state.edition.country, language)
    return state.boxes[language]


def _notes(config: MkDocsConfig) -> Mapping[str, str]:
    return current().notes[_language(config)]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill in the home country's numbers where the page names them ({{ emergency }} ...)."""
    filled, problems = fill_numbers(
        markdown,
        path=i18n.source_name(page, config),
        box=_box(config),
        strings=_strings(config),
        language=_language(config),
    )
    if problems:
        raise PluginError("\n".join(problems))
    return filled


def _table() -> ChannelTable:
    return current().table()


def _strings(config: MkDocsConfig) -> Strings:
    return current().strings[_language(config)]


def _page_source(title: str, description: str, region: str = "") -> str:
    # The region rides in the front matter, so that on_page_content knows which page it fills.
    meta = {"title": title, "description": description, **({"shk_region": region} if region else {})}
    return page_source(meta, heading=title)


def _directory_path(region: str = "") -> str:
    return f"{DIRECTORY_FOLDER}/{region_slug(region)}.md" if region else DIRECTORY_PAGE


# After static-i18n (-100) has sorted the files into the current language.
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = _language(config)
    strings = _strings(config)
    title, description = strings["directory.title"], strings["directory.description"]
    files.append(i18n.generated_page(config, DIRECTORY_PAGE, _page_source(title, description), language))
    for region in regions_of(_table().countries()):
        name = region_name(region, language)
        files.append(
            i18n.generated_page(
                config, _directory_path(region), _page_source(name, description, region), language, in_nav=False
            )
        )
    return files


def _is_directory(page: Page) -> bool:
    return page.file.generated_by is not None and (
        page.file.src_uri.endswith(DIRECTORY_PAGE) or "shk_region" in page.meta
    )


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not _is_directory(page):
        return html
    language = _language(config)
    main_url = i18n.url_of(config, language, DIRECTORY_PAGE)
    region = page.meta.get("shk_region")
    if region:
        body = render_region(
            _table(),
            region,
            strings=_strings(config),
            notes=_notes(config),
            language=language,
            directory_url=get_relative_url(main_url, page.url),
        )
        return html + str(body)  # a Markup operand would escape the page it is added to
    # page.url is relative to the site's root, language folder included.
    open_data = [
        (label, get_relative_url(f"data/{name}", page.url))
        for label, name in (("CSV", CSV_NAME), ("JSON", JSON_NAME), ("Table Schema", SCHEMA_NAME))
    ]
    body = render_directory(
        _table(),
        strings=_strings(config),
        notes=_notes(config),
        language=language,
        home=current().edition.country,
        region_url=lambda code: get_relative_url(i18n.url_of(config, language, _directory_path(code)), page.url),
        open_data=open_data,
    )
    return html + str(body)


def _find(nav: Navigation, path: str) -> Page | None:
    return next((page for page in nav.pages if page.file.src_uri.endswith(path)), None)


def _helpbox(config: MkDocsConfig, *, directory_url: str) -> Markup:
    return render_helpbox(
        box=_box(config), strings=_strings(config), language=_language(config), directory_url=directory_url
    )


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    directory = _find(nav, DIRECTORY_PAGE)
    directory_url = get_relative_url(directory.url, page.url) if directory else ""
    context["helpbox"] = _helpbox(config, directory_url=directory_url)
    # The way back to it above every page's title (overrides/partials/path.html).
    context["directory_url"] = directory_url if directory is not page else ""
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The 404 page is served at any address, so its links start from the site's root path."""
    if template_name != "404.html":
        return context
    language = _language(config)
    root = context["base_url"].rstrip("/") + "/"

    def url(path: str) -> str:
        return urljoin(root, i18n.url_of(config, language, path))

    context["helpbox"] = _helpbox(config, directory_url=url(DIRECTORY_PAGE))
    context["not_found"] = render_not_found(strings=_strings(config), home_url=url("index.md"))
    return context


# After static-i18n (-100) built every language: runs once, on the outermost build.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if not i18n.is_last_pass(config):
        return
    project, site = _project(config), Path(config.site_dir)
    folder = site / "data"
    folder.mkdir(exist_ok=True)
    own = project.edition_channels_csv
    published = channels_csv(
        project.channels_csv.read_bytes(), own.read_bytes() if own.is_file() else None, default_schema()
    )
    (folder / CSV_NAME).write_bytes(published)
    (folder / SCHEMA_NAME).write_bytes(SCHEMA.read_bytes())
    (folder / JSON_NAME).write_text(channels_json(_table().channels, current().notes), encoding="utf-8")
    (folder / PACKAGE_NAME).write_text(data_package(), encoding="utf-8")
