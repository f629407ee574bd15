"""Build the guided path "What's happening to you?" from data/guide.yml, in every language.

Thin on purpose: helpkit.guide reads and checks the structure and renders each question; this
hook makes one page per question and turns the answers' targets into links of the current language.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from helpkit.build import i18n
from helpkit.build.state import current
from helpkit.guide.path import DATA_FILE, Guide, GuideError, read_guide
from helpkit.guide.render import render_question
from helpkit.i18n.translations import SOURCE_LANGUAGE
from helpkit.page.frontmatter import page_source


# After hooks/edition.py (100), which starts the build state and loads the strings; once per build.
@event_priority(90)
def on_config(config: MkDocsConfig) -> None:
    state = current()
    if state.guide is not None:
        return
    root = Path(config.config_file_path).parent
    english = Path(config.docs_dir) / SOURCE_LANGUAGE
    pages = {path.relative_to(english).as_posix(): path.read_text(encoding="utf-8") for path in english.rglob("*.md")}
    try:
        state.guide = read_guide(root / DATA_FILE, pages=pages, strings=state.strings[SOURCE_LANGUAGE].table.keys())
    except GuideError as error:
        raise PluginError(str(error)) from None


def _guide() -> Guide:
    guide = current().guide
    if guide is None:
        raise RuntimeError("the guided path is read in on_config; no hook may ask for it earlier")
    return guide


# After static-i18n (-100) has sorted the files into the current language.
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = i18n.current(config)
    strings = current().strings[language]
    guide = _guide()
    for name in guide.questions:
        title = strings[f"guide.{name}.question"]
        meta = {"title": title, "description": strings["guide.description"], "audience": "young", "shk_guide": name}
        files.append(
            i18n.generated_page(config, guide.page_of(name), page_source(meta, heading=title), language, in_nav=False)
        )
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    question = page.meta.get("shk_guide")
    if page.file.generated_by is None or not question:
        return html
    language = i18n.current(config)
    guide = _guide()

    def url(target: str) -> str:
        path, _, anchor = target.partition("#")
        link = get_relative_url(i18n.url_of(config, language, path), page.url)
        return f"{link}#{anchor}" if anchor else link

    body = render_question(
        guide, question, strings=current().strings[language], url=url, start_url=url(guide.page_of(guide.start))
    )
    return html + str(body)  # a Markup operand would escape the page it is added to
