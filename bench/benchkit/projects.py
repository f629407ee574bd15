"""The projects the benchmark builds: a snapshot of the real one, its plain-Material baseline, and
synthetic editions with more languages.

Everything is written into a temporary folder: the working tree is never touched, and others may
edit it while the benchmark runs.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# Never part of a build: environments, earlier builds, tests, the benchmark itself.
_SKIPPED_TOP_LEVEL = frozenset(
    {".venv", ".git", "site", ".site.lock", "dist", "tests", "tools", "bench"}
    | {".pytest_cache", ".ruff_cache", ".github", ".ci"}
)
# The baseline is Material and static-i18n only: the site's own scripts and styles are dropped.
_BASELINE_DROPPED_ASSETS = ("assets/javascripts", "assets/stylesheets")
_BASELINE_PLUGINS = frozenset({"search", "i18n"})
_DIRECTORY_PAGE = "directory.md"
# The language whose pages and strings the synthetic languages copy.
SOURCE_OF_FAKES = "fr"
# Locales that static-i18n accepts and Material has a partials/languages/<locale>.html for; `nb`
# rather than `no`, which Material does not have. Tried in this order until the edition is big enough.
FAKE_LOCALES = (
    "da", "sv", "fi", "cs", "sk", "hu", "el", "bg", "hr", "sl", "et", "lv", "lt", "nb", "tr", "ru",
    "ja", "ko", "zh", "ca", "gl", "eu", "is", "sr", "mk", "sq", "id", "vi", "ms", "cy", "af", "he",
)  # fmt: skip


class _Tagged:
    """A YAML value with a tag the safe loader does not know (`!ENV`, `!!python/name:`), kept as is."""

    def __init__(self, tag: str, node: yaml.Node) -> None:
        self.tag = tag
        self.node = node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    return _Tagged(node.tag, node)


def _represent_tagged(dumper: yaml.SafeDumper, value: _Tagged) -> yaml.Node:
    return value.node


_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_Dumper.add_representer(_Tagged, _represent_tagged)


def read_config(project: Path) -> dict[str, Any]:
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def write_config(project: Path, config: dict[str, Any]) -> None:
    text = yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")


def i18n_options(config: dict[str, Any]) -> dict[str, Any]:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise ValueError("mkdocs.yml: plugins: no i18n entry: the benchmark expects mkdocs-static-i18n")


def configured_languages(config: dict[str, Any]) -> list[str]:
    return [str(language["locale"]) for language in i18n_options(config)["languages"]]


@dataclass
class Project:
    """A buildable copy: its folder and whether it is the real site (hooks, strict) or the baseline."""

    path: Path
    kind: str  # "site" or "baseline"
    languages: list[str] = field(default_factory=list)


def snapshot(source: Path, dest: Path) -> Project:
    """A copy of the project's sources as they are now, so that concurrent edits cannot skew runs."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        skipped = {name for name in names if name == "__pycache__" or name == "node_modules"}
        if Path(folder) == source:
            skipped |= _SKIPPED_TOP_LEVEL & set(names)
        return skipped

    shutil.copytree(source, dest, ignore=ignore)
    return Project(dest, "site", configured_languages(read_config(dest)))


def make_baseline(site: Project, dest: Path, *, search: bool = True) -> Project:
    """The same Markdown with Material and static-i18n only: no hooks, overrides, extra CSS or JS;
    and without Material's search with `search=False` (plain Material as the weight issue names it)."""
    config = baseline_config(read_config(site.path), search=search)
    dest.mkdir(parents=True)
    shutil.copytree(site.path / config.get("docs_dir", "docs"), dest / config.get("docs_dir", "docs"))
    docs = dest / config.get("docs_dir", "docs")
    for folder in _BASELINE_DROPPED_ASSETS:
        shutil.rmtree(docs / folder, ignore_errors=True)
    _drop_custom_templates(docs, material_templates())
    write_config(dest, config)
    return Project(dest, "baseline", configured_languages(config))


def _drop_custom_templates(docs: Path, known: set[str]) -> None:
    """Pages that ask for a template of the site's overrides (`template: home.html`) get Material's
    default one: the baseline has no overrides, and the build would stop at the missing template."""
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if not text.startswith("---"):
            continue
        end = text.find("\n---", 3)
        head, rest = text[:end], text[end:]
        lines = [line for line in head.split("\n") if not _is_unknown_template(line, known)]
        if len(lines) != head.count("\n") + 1:
            page.write_text("\n".join(lines) + rest, encoding="utf-8")


def _is_unknown_template(line: str, known: set[str]) -> bool:
    if not line.startswith("template:"):
        return False
    return line.partition(":")[2].strip().strip("'\"") not in known


def baseline_config(config: dict[str, Any], *, search: bool = True) -> dict[str, Any]:
    plain = copy.deepcopy(config)
    wanted = _BASELINE_PLUGINS if search else _BASELINE_PLUGINS - {"search"}
    # `watch` names data/ and overrides/, which the baseline does not copy (only `mkdocs serve` reads it).
    for key in ("hooks", "extra_css", "extra_javascript", "watch"):
        plain.pop(key, None)
    if isinstance(plain.get("theme"), dict):
        plain["theme"].pop("custom_dir", None)
    plain["plugins"] = [plugin for plugin in plain.get("plugins", []) if _plugin_name(plugin) in wanted]
    if not search:
        # static-i18n would otherwise reconfigure a search plugin that is not there.
        for plugin in plain["plugins"]:
            if isinstance(plugin, dict) and "i18n" in plugin:
                plugin["i18n"]["reconfigure_search"] = False
    # The directory page is generated by a hook: the baseline has none, so links to it stay broken
    # and the build cannot be strict.
    plain["strict"] = False
    if "nav" in plain:
        plain["nav"] = _without_page(plain["nav"], _DIRECTORY_PAGE)
    return plain


def _plugin_name(plugin: str | dict[str, Any]) -> str:
    return plugin if isinstance(plugin, str) else next(iter(plugin))


def _without_page(nav: list[Any], page: str) -> list[Any]:
    kept: list[Any] = []
    for item in nav:
        if item == page:
            continue
        if isinstance(item, dict):
            title, value = next(iter(item.items()))
            if value == page:
                continue
            if isinstance(value, list):
                item = {title: _without_page(value, page)}
        kept.append(item)
    return kept


def keep_languages(project: Project, languages: Iterable[str]) -> None:
    """Build only these languages, the way hooks/edition.py applies SITE_LANGUAGES: `build: false`
    for the others, the first one the default (the site's root)."""
    chosen = list(languages)
    config = read_config(project.path)
    for language in i18n_options(config)["languages"]:
        language["build"] = language["locale"] in chosen
        language["default"] = language["locale"] == chosen[0]
    write_config(project.path, config)
    project.languages = chosen


def add_fake_languages(project: Project, total: int, material_languages: set[str]) -> list[str]:
    """Grow the project to `total` languages with copies of the French pages under other locales.

    The copies are French text labelled as another language: enough for build time and page weight,
    which depend on how many pages and languages there are, not on what the words say.
    """
    config = read_config(project.path)
    entries = i18n_options(config)["languages"]
    present = {str(entry["locale"]) for entry in entries}
    source = next(entry for entry in entries if entry["locale"] == SOURCE_OF_FAKES)
    candidates = [code for code in FAKE_LOCALES if code not in present and code in material_languages]
    wanted = max(0, total - len(entries))
    if wanted > len(candidates):
        raise ValueError(f"--languages-scale {total}: at most {len(entries) + len(candidates)} languages available")
    added = candidates[:wanted]
    docs = project.path / config.get("docs_dir", "docs")
    strings = project.path / "data" / "strings"
    for code in added:
        shutil.copytree(docs / SOURCE_OF_FAKES, docs / code)
        if strings.is_dir():
            shutil.copyfile(strings / f"{SOURCE_OF_FAKES}.yml", strings / f"{code}.yml")
        entry = copy.deepcopy(source)
        entry.update({"locale": code, "name": f"{code} (fr copy)", "build": True, "default": False})
        entries.append(entry)
    write_config(project.path, config)
    project.languages = [str(entry["locale"]) for entry in entries]
    return added


def _material_templates_folder() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def material_language_partials() -> set[str]:
    """Locales Material has interface translations for (partials/languages/<locale>.html)."""
    return {path.stem for path in (_material_templates_folder() / "partials" / "languages").glob("*.html")}


def material_templates() -> set[str]:
    """Templates a page may name in its front matter when there is no custom_dir."""
    folder = _material_templates_folder()
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.html")}
