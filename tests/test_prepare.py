"""Readying a built site (helpkit.hosting.prepare) on a small site made in a folder."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from helpkit.hosting.caching import cache_control
from helpkit.hosting.fingerprints import hashed_name
from helpkit.hosting.prepare import fingerprint, prepare_site
from helpkit.problems import ProblemsError

CSS = b"body { color: #222; }" * 100
PAGE = (
    '<!doctype html><link rel="stylesheet" href="{up}assets/stylesheets/site.css">'
    '<script src="{up}assets/javascripts/site.js"></script><p>' + "Tell someone. " * 100 + "</p>"
)
ASSETS = ["assets/stylesheets/site.css", "assets/javascripts/site.js"]


@pytest.fixture
def built(tmp_path: Path) -> Path:
    for path, text in {
        "index.html": PAGE.format(up=""),
        "fr/threatened/index.html": PAGE.format(up="../../"),
        "404.html": PAGE.format(up="/"),
        "assets/stylesheets/site.css": CSS.decode(),
        "assets/javascripts/site.js": "document.documentElement.dataset.js = 'on';",
        "assets/images/logo.svg": "<svg/>",
    }.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_assets_get_their_hashed_names_and_every_page_names_them(built: Path) -> None:
    css_name = hashed_name(ASSETS[0], CSS)
    renamed = fingerprint(built, assets=ASSETS, base="/")
    assert renamed[ASSETS[0]] == css_name
    assert not (built / ASSETS[0]).exists() and (built / css_name).read_bytes() == CSS
    assert f'href="../../{css_name}"' in (built / "fr/threatened/index.html").read_text()
    assert f'href="/{css_name}"' in (built / "404.html").read_text()
    assert f'src="{renamed[ASSETS[1]]}"' in (built / "index.html").read_text()


def test_an_asset_missing_from_the_build_is_named(built: Path) -> None:
    with pytest.raises(ProblemsError, match=re.escape("assets/javascripts/lazy-search.js: not in the built site")):
        fingerprint(built, assets=[*ASSETS, "assets/javascripts/lazy-search.js"], base="/")


def test_a_stylesheet_naming_another_own_file_stops_the_build(built: Path) -> None:
    (built / "assets/stylesheets/print.css").write_text('@import "site.css";', encoding="utf-8")
    with pytest.raises(ProblemsError, match=r"assets/stylesheets/print.css: still names assets/stylesheets/site.css"):
        fingerprint(built, assets=ASSETS, base="/")


def test_a_page_reaching_an_asset_outside_the_base_stops_the_build(built: Path) -> None:
    # The 404 page's /assets/... is not under /kit/: left as it was, it would load nothing.
    with pytest.raises(ProblemsError, match=re.escape("404.html: still names")):
        fingerprint(built, assets=ASSETS, base="/kit/")


def test_a_site_for_the_web_gets_headers_nginx_and_copies(built: Path) -> None:
    prepared = prepare_site(built, assets=ASSETS, base="/", offline=False)
    headers = (built / "_headers").read_text()
    assert all(f"{rule.pattern}\n  Cache-Control: {rule.cache_control}\n" in headers for rule in prepared.rules)
    assert {rule.cache_control for rule in prepared.rules if rule.pattern == "/assets/stylesheets/*"} == {
        cache_control(prepared.renamed[ASSETS[0]])
    }
    assert (built / "_nginx.conf").is_file()
    assert gzip.decompress((built / "index.html.gz").read_bytes()) == (built / "index.html").read_bytes()
    assert {item.path for item in prepared.compressed} == {
        "index.html",
        "404.html",
        "fr/threatened/index.html",
        prepared.renamed[ASSETS[0]],
    }


def test_the_offline_copy_gets_hashed_names_and_nothing_else(built: Path) -> None:
    prepared = prepare_site(built, assets=ASSETS, base="/", offline=True)
    assert set(prepared.renamed) == set(ASSETS)
    assert prepared.rules == () and prepared.compressed == ()
    assert sorted(path.name for path in built.rglob("*") if path.name.startswith("_") or path.suffix == ".gz") == []
