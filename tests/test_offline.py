"""The offline copy: `make offline` writes a zip that works from file://, with no request outside it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import NEUTRAL_URL, copy_project, set_quick_exit

NEUTRAL_PAGE = "<!doctype html><title>Weather</title>"


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory, builds: None) -> Path:
    project = copy_project(tmp_path_factory.mktemp("offline") / "kit")
    set_quick_exit(project, NEUTRAL_URL)
    venv = Path(sys.executable).parent.parent
    result = subprocess.run(
        # This venv as it is: -o keeps make from installing the copy's helpkit into it.
        ["make", "--no-print-directory", "-o", f"{venv}/.runtime-installed", "offline", f"VENV={venv}"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    archive = project / "dist" / "sextortion-help-kit-offline.zip"
    assert archive.is_file()
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(target)
    return target / "sextortion-help-kit"


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.route(NEUTRAL_URL, lambda route: route.fulfill(content_type="text/html", body=NEUTRAL_PAGE))
    page.requests = requests
    yield page
    context.close()


def test_navigation_switcher_search_directory_and_quick_exit_work_from_file(offline_page, unpacked: Path) -> None:
    page = offline_page
    page.goto((unpacked / "index.html").as_uri())
    page.locator(".grid.cards a").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/threatened/index.html")
    # Language switcher
    page.locator(".md-header .md-select button").click()
    page.locator('.md-select__list a[hreflang="fr"]').click()
    page.wait_for_url("**/fr/threatened/index.html")
    # Search in the reader's language
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").press_sequentially("capture")
    results = page.locator(".md-search-result__list > li a")
    results.first.wait_for()
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert any("/fr/threatened/keep-evidence.html" in href for href in hrefs), hrefs
    assert all("/fr/" in href for href in hrefs), hrefs
    # Directory filter
    page.goto((unpacked / "de" / "directory.html").as_uri())
    page.locator("#shk-filter-input").press_sequentially("belg")
    assert page.locator(".shk-country-index li:not([hidden])").count() == 1
    # Quick exit
    page.locator("[data-shk=quick-exit] .shk-exit__button").click()
    page.wait_for_url(NEUTRAL_URL)
    outside = [url for url in page.requests if not url.startswith("file://") and url != NEUTRAL_URL]
    assert outside == []


def test_the_copy_serves_its_own_search_shim_and_names_no_other_site_in_scripts(unpacked: Path) -> None:
    assert (unpacked / "assets" / "javascripts" / "iframe-worker-shim.js").is_file()
    home = (unpacked / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in home
    for language in ("", "fr", "ar"):
        assert (unpacked / language / "search" / "search_index.js").is_file()
