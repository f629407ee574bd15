"""Build the reporting-channel directory and the help box from data/reporting-channels.csv.

Thin on purpose: it reads the build's state from MkDocs and static-i18n and hands it to the pure
modules in helpkit/, which parse, validate and render.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from helpkit.channels import ChannelDataError, ChannelTable, load_channels
from helpkit.directory import render_directory
from helpkit.helpbox import HOME_KINDS, INTERNATIONAL_KINDS, pick_channels, render_helpbox
from helpkit.opendata import CSV_NAME, JSON_NAME, SCHEMA_NAME, channels_json
from helpkit.strings import Strings

log = get_plugin_logger("directory")

DIRECTORY_PAGE = "directory.md"
CRISIS_PAGE = "threatened/look-after-yourself.md"
CRISIS_ANCHOR = "crisis"
YOUNG_AUDIENCES = {"young", "friend"}

# static-i18n re-runs the build once per language: read and check the data once per build.
_state: dict[str, object] = {}


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _language(config: MkDocsConfig) -> str:
    return config.plugins["i18n"].current_language


@event_priority(90)
def on_config(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    if i18n.current_language not in (None, i18n.default_language):
        return
    edition = config.extra["edition"]
    root = _root(config)
    try:
        table = load_channels(root / "data" / "reporting-channels.csv", today=datetime.date.today())
    except ChannelDataError as error:
        raise PluginError(str(error)) from None
    if edition.country and edition.country not in table.countries():
        raise PluginError(
            f"home country {edition.country!r} (extra.country or SITE_COUNTRY) has no rows in "
            f"data/reporting-channels.csv: expected one of {', '.join(table.countries())}, "
            "or add its rows first"
        )
    for warning in table.warnings:
        # INFO, not WARNING: `--strict` would fail the build over a date that only needs re-checking.
        log.info("stale data: %s", warning)
    _state["table"] = table


def _table() -> ChannelTable:
    return _state["table"]  # type: ignore[return-value]


def _strings(config: MkDocsConfig) -> Strings:
    return config.extra["strings"][_language(config)]


# After static-i18n (-100) has sorted the files into the current language.
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = _language(config)
    strings = _strings(config)
    i18n = config.plugins["i18n"]
    prefix = "" if language == i18n.default_language else f"{language}/"
    content = (
        f"---\ntitle: {strings['directory.title']!r}\n"
        f"description: {strings['directory.description']!r}\n---\n\n"
        f"# {strings['directory.title']}\n"
    )
    generated = File.generated(config, f"{prefix}{DIRECTORY_PAGE}", content=content)
    generated.locale = language
    generated.locale_alternate_of = language
    generated.alternates = {}
    files.append(generated)
    return files


def _is_directory(page: Page) -> bool:
    return page.file.src_uri.endswith(DIRECTORY_PAGE) and page.file.generated_by is not None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not _is_directory(page):
        return html
    language = _language(config)
    # page.url is relative to the site's root, language folder included.
    open_data = [
        (label, get_relative_url(f"data/{name}", page.url))
        for label, name in (("CSV", CSV_NAME), ("JSON", JSON_NAME), ("Table Schema", SCHEMA_NAME))
    ]
    body = render_directory(
        _table(),
        strings=_strings(config),
        language=language,
        home=config.extra["edition"].country,
        open_data=open_data,
    )
    return html + str(body)  # a Markup operand would escape the page it is added to


def _find(nav: Navigation, path: str) -> Page | None:
    return next((page for page in nav.pages if page.file.src_uri.endswith(path)), None)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    language = _language(config)
    edition = config.extra["edition"]
    directory = _find(nav, DIRECTORY_PAGE)
    crisis = _find(nav, CRISIS_PAGE)
    if edition.country:
        channels = pick_channels(_table().for_country(edition.country), HOME_KINDS)
    else:
        channels = pick_channels(_table().for_country("INT"), INTERNATIONAL_KINDS)
    crisis_url = None
    if crisis and page.meta.get("audience") in YOUNG_AUDIENCES:
        crisis_url = get_relative_url(crisis.url, page.url) + f"#{CRISIS_ANCHOR}"
    context["helpbox"] = render_helpbox(
        channels=channels,
        strings=_strings(config),
        country_label=edition.country_label(language),
        directory_url=get_relative_url(directory.url, page.url) if directory else "",
        crisis_url=crisis_url,
    )
    return context


# After static-i18n (-100) built every language: runs once, on the outermost build.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return
    root, site = _root(config), Path(config.site_dir)
    folder = site / "data"
    folder.mkdir(exist_ok=True)
    shutil.copyfile(root / "data" / CSV_NAME, folder / CSV_NAME)
    shutil.copyfile(root / "data" / SCHEMA_NAME, folder / SCHEMA_NAME)
    (folder / JSON_NAME).write_text(channels_json(_table().channels), encoding="utf-8")
