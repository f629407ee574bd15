"""`make serve`: the live preview rebuilds when what a page is made of changes."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import load_config

from conftest import ROOT


def test_make_serve_rebuilds_when_the_data_or_the_templates_change() -> None:
    # MkDocs watches docs_dir and mkdocs.yml itself; the theme's custom_dir only with
    # --watch-theme, which `make serve` does not pass. The rest is the config's `watch:` list.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    watched = {Path(folder).resolve() for folder in config.watch}
    assert {ROOT / "data", ROOT / "overrides"} <= watched, watched
    assert Path(config.docs_dir).resolve() == ROOT / "docs"
    assert Path(config.theme.custom_dir).resolve() == ROOT / "overrides"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    serve = [line for line in makefile if '/mkdocs" serve' in line]
    assert len(serve) == 1 and "--watch-theme" not in serve[0], serve


def test_make_serve_rebuilds_when_an_editions_own_files_change(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("edition_hook", ROOT / "hooks" / "edition.py")
    assert spec and spec.loader
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    class Config(dict):
        config_file_path = str(tmp_path / "mkdocs.yml")

    server = Server()
    hook.on_serve(server, Config(), None)
    assert server.watched == []  # the kit has no edition/
    (tmp_path / "edition").mkdir()
    hook.on_serve(server, Config(), None)
    assert server.watched == [str(tmp_path / "edition")]
