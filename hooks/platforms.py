"""Build the page "Report it on the app" from data/platforms.csv, in every language.

Thin on purpose: it reads the build's state from MkDocs and static-i18n and hands it to
helpkit.platforms, which parses, checks and renders.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpkit.build import i18n
from helpkit.build.state import current
from helpkit.datatable import TableError
from helpkit.directory.notes import NotesError, load_notes
from helpkit.page.frontmatter import page_source
from helpkit.platforms.pages import DATA_FILE, PlatformTable, load_platforms
from helpkit.platforms.render import render_report_page

REPORT_PAGE = "report-on-apps.md"


# After hooks/edition.py (100), which starts the build state and loads the strings; once per build.
@event_priority(90)
def on_config(config: MkDocsConfig) -> None:
    state = current()
    if state.platforms is not None:
        return
    path = Path(config.config_file_path).parent / DATA_FILE
    try:
        table = load_platforms(path, today=datetime.date.today(), name=DATA_FILE)
        # Every language built, English included: a row without its note would show a bare link.
        notes = load_notes(path.parent / "notes", section="platforms", languages=state.edition.languages, ids=table.ids)
    except (TableError, NotesError) as error:
        raise PluginError(str(error)) from None
    except OSError as error:
        raise PluginError(
            f"{DATA_FILE}: cannot read the platforms' help pages ({error.strerror or error}): "
            "expected a CSV file there (data/README.md describes it)"
        ) from None
    state.platforms = table
    state.platform_notes = notes


def _table() -> PlatformTable:
    table = current().platforms
    if table is None:
        raise RuntimeError("the platforms' help pages are read in on_config; no hook may ask for them earlier")
    return table


# After static-i18n (-100) has sorted the files into the current language.
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = i18n.current(config)
    strings = current().strings[language]
    title = strings["platforms.title"]
    # Written for the young person being threatened: their pages' help box shows the crisis line.
    meta = {"title": title, "description": strings["platforms.description"], "audience": "young"}
    source = page_source(meta, heading=title)
    files.append(i18n.generated_page(config, REPORT_PAGE, source, language))
    return files


def _is_report_page(page: Page) -> bool:
    return page.file.generated_by is not None and page.file.src_uri.endswith(REPORT_PAGE)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not _is_report_page(page):
        return html
    language = i18n.current(config)
    state = current()
    body = render_report_page(
        _table(), strings=state.strings[language], notes=state.platform_notes[language], language=language
    )
    return html + str(body)  # a Markup operand would escape the page it is added to
