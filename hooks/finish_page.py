"""Finish every HTML page: the quick exit first in <body>, the text direction on <html>, protected
outbound links, and a Content-Security-Policy that allows only the inline scripts of the theme's
own templates. A page that runs, embeds or loads anything else fails the build, naming its source.
Every page is in the sitemap, those the hooks make included.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpkit.build import i18n
from helpkit.build.state import current
from helpkit.page.csp import theme_scripts
from helpkit.page.finish import finish_page, site_origin
from helpkit.page.frontmatter import front_matter_problem
from helpkit.problems import ProblemsError


# After every hook that adds pages (-200).
@event_priority(-300)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    i18n.list_in_sitemap(config, files)
    return files


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    state = current()
    if not state.own_scripts:
        loader = env.loader
        assert loader is not None
        names = [name for name in loader.list_templates() if name.endswith(".html")]
        state.own_scripts = theme_scripts(loader.get_source(env, name)[0] for name in names)
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # MkDocs keeps front matter it cannot parse as the page's text, and builds on.
    problem = front_matter_problem(markdown)
    if problem:
        current().problems.append(f"{i18n.source_name(page, config)}: {problem}")
    return markdown


# Last, so that the policy hashes the scripts as they are finally written.
@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return finish(output, config, source=i18n.source_name(page, config))


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    language = i18n.current(config)
    finished = finish(output_content, config, source=f"404.html (theme template, language {language})")
    # static-i18n writes every language's 404.html over the same file: each is kept and written
    # into its own language folder once every language is built.
    current().not_found[language] = finished
    return finished


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if not i18n.is_last_pass(config):
        return
    state = current()
    if state.problems:
        where = (
            "the pages (only the theme's own scripts may run, nothing may be embedded or loaded "
            "from another site, front matter must be valid YAML)"
        )
        raise PluginError(str(ProblemsError(where, state.problems)))
    site = Path(config.site_dir)
    for language, text in state.not_found.items():
        folder = site / i18n.folder(config, language)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "404.html").write_text(text, encoding="utf-8")


def finish(output: str, config: MkDocsConfig, *, source: str) -> str:
    state = current()
    language = i18n.current(config)
    finished = finish_page(
        output,
        quick_exit_url=state.edition.quick_exit_url,
        strings=state.strings[language],
        language_folder=i18n.folder(config, language),
        search_worker=state.search_worker,
        own_scripts=state.own_scripts,
        own_origin=site_origin(config.site_url or ""),
        offline=i18n.offline_enabled(config),
    )
    state.problems.extend(f"{source}: {problem}" for problem in finished.problems)
    return finished.html
