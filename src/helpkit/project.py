"""A project as a command outside the build sees it: its mkdocs.yml, read once, and its folders.

The one reader of mkdocs.yml for everything that is not the MkDocs build itself (the `helpkit`
command, print, tests, the benchmark). MkDocs' own YAML loader resolves `!ENV` tags and `INHERIT`
exactly as the build does, so a command never sees other settings than the site it describes.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

CONFIG_FILE = "mkdocs.yml"


class ProjectError(ValueError):
    """The project's mkdocs.yml is missing or cannot be read."""


@dataclass(frozen=True)
class Project:
    config_file: Path
    config: Mapping[str, Any]

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def docs(self) -> Path:
        return self.root / str(self.config.get("docs_dir") or "docs")

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def channels_csv(self) -> Path:
        return self.data / "reporting-channels.csv"

    @property
    def notes(self) -> Path:
        return self.data / "notes"

    @property
    def strings(self) -> Path:
        return self.data / "strings"

    @property
    def edition_strings(self) -> Path:
        """An edition's own interface texts, over the kit's (helpkit.i18n.strings.load_strings)."""
        return self.root / "edition" / "strings"

    @property
    def edition_assets(self) -> Path:
        """An edition's own images, published under assets/ (helpkit.edition.assets)."""
        return self.root / "edition" / "assets"

    @property
    def edition_channels_csv(self) -> Path:
        """An edition's own rows and corrections of the channel data (helpkit.directory.load)."""
        return self.root / "edition" / "reporting-channels.csv"

    @property
    def edition_notes(self) -> Path:
        """The notes of an edition's own rows, <lang>.yml (helpkit.directory.load)."""
        return self.root / "edition" / "notes"

    @property
    def edition_settings(self) -> Path:
        """An edition's own settings, over mkdocs.yml's (helpkit.edition.settings)."""
        return self.root / "edition" / "settings.yml"

    @property
    def edition_pages(self) -> Path:
        """An edition's own pages, <lang>/<name>.md (helpkit.edition.pages)."""
        return self.root / "edition" / "pages"

    @property
    def edition_blocks(self) -> Path:
        """An edition's own text blocks, <lang>/<point>.md (helpkit.edition.blocks)."""
        return self.root / "edition" / "blocks"

    @property
    def i18n(self) -> Mapping[str, Any]:
        """The settings of the i18n plugin (static-i18n)."""
        for plugin in self.config.get("plugins") or ():
            if isinstance(plugin, Mapping) and "i18n" in plugin:
                return plugin["i18n"] or {}
        return {}

    @property
    def languages(self) -> tuple[str, ...]:
        """Every configured language, in the order of mkdocs.yml (the default one first there)."""
        return tuple(str(entry["locale"]) for entry in self.i18n.get("languages") or ())

    @property
    def extra(self) -> Mapping[str, Any]:
        return self.config.get("extra") or {}

    @property
    def site_url(self) -> str:
        return str(self.config.get("site_url") or "").strip()

    @property
    def nav(self) -> list[Any]:
        return list(self.config.get("nav") or [])

    @property
    def directory_urls(self) -> bool:
        return bool(self.config.get("use_directory_urls", True))


def add_config_file(parser: argparse.ArgumentParser) -> None:
    """The option every command that reads a project takes, named as MkDocs names it."""
    parser.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=Path(CONFIG_FILE),
        metavar="FILE",
        help=f"the site's settings (default: {CONFIG_FILE} in the current folder)",
    )


def read_project(config_file: Path | str = CONFIG_FILE) -> Project:
    """The project whose settings are `config_file` (by default ./mkdocs.yml)."""
    path = Path(config_file).absolute()
    try:
        with path.open("rb") as stream:
            config = yaml_load(stream)
    except OSError as error:
        raise ProjectError(
            f"{config_file}: cannot read the site's settings ({error.strerror or error}): "
            "run the command in the project's folder, or name its mkdocs.yml with --config-file"
        ) from None
    except Exception as error:  # MkDocs raises its own ConfigurationError for bad YAML and INHERIT
        raise ProjectError(f"{config_file}: {error}") from None
    if not isinstance(config, Mapping):
        raise ProjectError(f"{config_file}: expected the MkDocs settings as a mapping of keys to values")
    return Project(config_file=path, config=config)
