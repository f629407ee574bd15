"""What the hooks compute once and share: one typed object per build.

static-i18n runs the whole MkDocs build once per language, with the same config, and MkDocs
loads each hook module once, so a build's shared values need one home that outlives a single
language. It is this module: `begin` makes the state at the build's first event, every hook reads
`current()`, and `end` drops it when the last language is built or the build fails. Its lifetime is
one `mkdocs build` (every language), or one rebuild under `mkdocs serve`.

What holds per language (the strings, the folder) is read through `helpkit.build.i18n`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from helpkit.directory.channels import ChannelTable
from helpkit.directory.helpbox import HelpBox
from helpkit.edition.settings import Edition
from helpkit.guide.path import Guide
from helpkit.i18n.strings import Strings
from helpkit.platforms.pages import PlatformTable


@dataclass
class BuildState:
    edition: Edition
    # Interface strings per language code.
    strings: dict[str, Strings]
    # The edition's own text blocks, language -> point -> Markdown (helpkit.edition.blocks).
    blocks: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # The edition's own pages, language -> file name -> Markdown (helpkit.edition.pages).
    pages: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # The edition's own images, by the path they are published at (helpkit.edition.assets).
    assets: Mapping[str, Path] = field(default_factory=dict)
    # The reporting channels and their notes, read and checked once (hooks/directory.py).
    channels: ChannelTable | None = None
    notes: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # Each language's help box, planned once and shared by its pages (hooks/directory.py).
    boxes: dict[str, HelpBox] = field(default_factory=dict)
    # The platforms' help pages, read and checked once with their notes (hooks/platforms.py).
    platforms: PlatformTable | None = None
    platform_notes: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # The guided path "What's happening to you?", read and checked once (hooks/guide.py).
    guide: Guide | None = None
    # File name of the search worker that stems queries (hooks/search.py), named in every page.
    search_worker: str = ""
    # The directory pages' own search entries, by the page's location in the merged index
    # (hooks/search.py; each language's pass adds its pages).
    directory_search: dict[str, list[dict]] = field(default_factory=dict)
    # The inline scripts of the theme's templates, the only ones a page may run (hooks/finish_page.py).
    own_scripts: tuple[re.Pattern[str], ...] = ()
    # What the pages did wrong, reported all at once when every language is built.
    problems: list[str] = field(default_factory=list)
    # Each language's finished 404 page, written into its folder at the end.
    not_found: dict[str, str] = field(default_factory=dict)

    def table(self) -> ChannelTable:
        if self.channels is None:
            raise RuntimeError("the reporting channels are read in on_config; no hook may ask for them earlier")
        return self.channels


_current: BuildState | None = None


def begin(state: BuildState) -> BuildState:
    global _current
    _current = state
    return state


def current() -> BuildState:
    if _current is None:
        raise RuntimeError("no build is running: hooks/edition.py starts the build state in on_config")
    return _current


def end() -> None:
    global _current
    _current = None
