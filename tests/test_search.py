"""Search in the reader's language: its own index, loaded only when search is opened."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES, build_site, copy_project, set_quick_exit
from helpkit.search_index import split_index, stemmed_worker

pytestmark = pytest.mark.browser


def search(page, served: str, start: str, query: str) -> list[str]:
    page.goto(served + start)
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").press_sequentially(query)
    # Material reads the query on keyup; Playwright types letters outside the US layout (Arabic)
    # without key events, as no real keyboard does, so end with a key that sends one.
    page.keyboard.press("End")
    results = page.locator(".md-search-result__list > li a")
    results.first.wait_for()
    return [urlsplit(results.nth(i).get_attribute("href") or "").path for i in range(results.count())]


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("fr", "capture", "/fr/threatened/keep-evidence/"),
        ("de", "Screenshot", "/de/threatened/keep-evidence/"),
        ("ar", "الأدلة", "/ar/threatened/keep-evidence/"),
        ("en", "screenshot", "/threatened/keep-evidence/"),
    ],
)
def test_search_finds_pages_in_the_reader_language_only(page, served: str, language, query, expected) -> None:
    start = "" if language == "en" else f"{language}/"
    paths = search(page, served, start, query)
    assert expected in paths, paths
    others = [code for code in LANGUAGES if code not in ("en", language)]
    if language == "en":
        assert not [path for path in paths if path.split("/")[1] in others], paths
    else:
        assert all(path.startswith(f"/{language}/") for path in paths), paths


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        # Forms that appear nowhere in the pages: only the language's stemmer joins them to the
        # forms that do ("capture", "Beweis", "الأدلة").
        ("fr", "capturer", "/fr/threatened/keep-evidence/"),
        ("de", "Beweisen", "/de/threatened/keep-evidence/"),
        ("ar", "أدلة", "/ar/threatened/keep-evidence/"),
        ("en", "screenshotting", "/threatened/keep-evidence/"),
    ],
)
def test_search_stems_the_query_as_the_index_is_stemmed(
    page, site: Path, served: str, language, query, expected
) -> None:
    folder = site if language == "en" else site / language
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "stemmer" in index["config"]["pipeline"]
    words = " ".join(f"{doc['title']} {doc['text']}" for doc in index["docs"]).casefold().split()
    assert not [word for word in words if word.startswith(query.casefold())]
    paths = search(page, served, "" if language == "en" else f"{language}/", query)
    assert expected in paths, paths


def test_a_language_without_a_stemmer_matches_words_as_written(page, site: Path, served: str) -> None:
    index = json.loads((site / "uk" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"] and index["config"]["pipeline"] == []
    assert "/uk/threatened/keep-evidence/" in search(page, served, "uk/", "докази")


def test_the_worker_and_index_load_only_when_search_is_opened(page, served: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(served + "fr/parents/", wait_until="networkidle")
    # Material's worker and the index: nothing of search but the script that holds them back.
    held = [path for path in requested if "/workers/" in path or "search_index" in path]
    assert held == [], held
    page.locator("label.md-header__button[for=__search]").click()
    page.wait_for_timeout(500)
    assert "/fr/search/search_index.json" in requested
    assert [path for path in requested if path.startswith("/assets/javascripts/workers/search.")]


def test_each_index_holds_one_language(site: Path) -> None:
    for language in LANGUAGES:
        folder = site if language == LANGUAGES[0] else site / language
        index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] in ([language], ["en"])
        assert index["docs"], language
        for doc in index["docs"]:
            assert not any(doc["location"].startswith(f"{other}/") for other in LANGUAGES), doc["location"]


def test_split_index_rebases_locations() -> None:
    merged = {
        "config": {"lang": ["en", "fr", "pl"], "separator": " ", "pipeline": []},
        "docs": [{"location": "a/"}, {"location": "fr/a/"}, {"location": "pl/"}, {"location": "pl/a/#x"}],
    }
    split = split_index(merged, default="en", languages=["en", "fr", "pl"])
    assert [doc["location"] for doc in split["en"]["docs"]] == ["a/"]
    assert [doc["location"] for doc in split["pl"]["docs"]] == ["", "a/#x"]
    assert split["pl"]["config"]["lang"] == ["en"] and split["pl"]["config"]["pipeline"] == []
    assert split["fr"]["config"]["lang"] == ["fr"]
    assert split["fr"]["config"]["pipeline"] == ["trimmer", "stopWordFilter", "stemmer"]


def test_the_worker_is_materials_own_with_the_query_stemmer_appended() -> None:
    name, content = stemmed_worker("var material;\n//# sourceMappingURL=search.a7633da7.min.js.map\n")
    assert content.startswith("var material;\n/* Sextortion Help Kit") and "sourceMappingURL" not in content
    assert name.startswith("search.") and name.endswith(".min.js") and name != "search.a7633da7.min.js"
    assert stemmed_worker("var other;")[0] != name


def first_load_bytes(browser, base: str, path: str) -> dict[str, int]:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    sizes: dict[str, int] = {}

    def count(response) -> None:
        body = response.body()
        sizes[urlsplit(response.url).path] = len(body)

    page.on("response", count)
    page.goto(base + path, wait_until="networkidle")
    context.close()
    return sizes


def test_first_load_weight_does_not_grow_with_languages(browser, site: Path, served: str, tmp_path: Path) -> None:
    import functools
    import http.server
    import threading

    project = copy_project(tmp_path / "kit")
    from conftest import NEUTRAL_URL

    set_quick_exit(project, NEUTRAL_URL)
    two = tmp_path / "two"
    build_site(two, project=project, env={"SITE_LANGUAGES": "en,fr"})
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(two))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        small = first_load_bytes(browser, f"http://127.0.0.1:{server.server_address[1]}/", "fr/parents/")
    finally:
        server.shutdown()
    full = first_load_bytes(browser, served, "fr/parents/")
    assets_small = {path: size for path, size in small.items() if not path.endswith("/")}
    assets_full = {path: size for path, size in full.items() if not path.endswith("/")}
    assert assets_small == assets_full
    # The page itself grows only by one language-switcher entry per language.
    assert full["/fr/parents/"] - small["/fr/parents/"] < 250 * (len(LANGUAGES) - 2)
