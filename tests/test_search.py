"""Search in the reader's language: its own index, loaded only when search is opened."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES, build_site, copy_project, set_quick_exit
from helpkit.search.index import split_index, stemmed_worker

# Counts the queries Material's page sends its search worker and the answers that come back. The
# list is emptied and rebuilt for every keystroke's query, so only when the worker has answered the
# query now in the field is what the list shows final. Installed before the page's scripts, it
# wraps the real Worker that lazy-search.js later starts.
WATCH_WORKER = """
(() => {
  if (window.__shkSearch) return;
  const watch = (window.__shkSearch = { sent: [], answered: 0, links: -1 });
  const Real = window.Worker;
  window.Worker = class extends Real {
    constructor(url, options) {
      super(url, options);
      // Material's enum: 2 is a query, 3 its result.
      this.addEventListener("message", (event) => {
        if (event.data && event.data.type === 3) watch.answered += 1;
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) watch.sent.push(message.data);
      return super.postMessage(message, ...rest);
    }
  };
})();
"""

# True once the worker has answered the last query sent, that query is the field's whole text, and
# the list kept its length across two animation frames (Material may add more as it settles).
SETTLED = """
(query) => {
  const watch = window.__shkSearch;
  const field = document.querySelector("input.md-search__input");
  const links = document.querySelectorAll(".md-search-result__list > li a").length;
  const answered = watch.sent.length > 0 && watch.answered === watch.sent.length
    && watch.sent[watch.sent.length - 1] === query && field.value === query;
  const steady = answered && links > 0 && links === watch.links;
  watch.links = answered ? links : -1;
  return steady && document.querySelector(".md-search-result__meta").textContent.trim() !== "";
}
"""


def open_search(page, served: str, start: str) -> None:
    page.add_init_script(WATCH_WORKER)
    page.goto(served + start)
    page.locator("label.md-header__button[for=__search]").click()


def wait_for_results(page, query: str) -> list[str]:
    """The hrefs of the results for the whole query, once the list has stopped changing."""
    page.wait_for_function(SETTLED, arg=query, polling="raf")
    # Read in one go: a locator per link would race a list being rebuilt.
    return page.evaluate("() => Array.from(document.querySelectorAll('.md-search-result__list > li a'), (a) => a.href)")


def search(page, served: str, start: str, query: str) -> list[str]:
    open_search(page, served, start)
    page.locator("input.md-search__input").press_sequentially(query)
    # Material reads the query on keyup; Playwright types letters outside the US layout (Arabic)
    # without key events, as no real keyboard does, so end with a key that sends one.
    page.keyboard.press("End")
    return [urlsplit(href).path for href in wait_for_results(page, query)]


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
        ("de", "Beweises", "/de/threatened/keep-evidence/"),
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


# Notes when the page asks for the search index, which lazy-search.js then holds back.
WATCH_INDEX_ASKED = """
(() => {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (/\\/search\\/search_index\\.json/.test(String(url))) window.__shkIndexAsked = true;
    return open.apply(this, arguments);
  };
})();
"""


def test_the_worker_and_index_load_only_when_search_is_opened(page, served: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.add_init_script(WATCH_INDEX_ASKED)
    page.goto(served + "fr/parents/")
    # Material's bundle has set search up: it has made its worker and asked for the index, and a
    # request for either would have been made by now.
    page.wait_for_function("() => window.__shkIndexAsked === true")
    # Material's worker and the index: nothing of search but the script that holds them back.
    held = [path for path in requested if "/workers/" in path or "search_index" in path]
    assert held == [], held
    with (
        page.expect_request("**/fr/search/search_index.json"),
        page.expect_request(lambda request: "/assets/javascripts/workers/search." in request.url),
    ):
        page.locator("label.md-header__button[for=__search]").click()
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
    responses: list = []
    page.on("response", lambda response: responses.append(response))
    page.goto(base + path, wait_until="load")
    # Once the page has loaded, the browser asks for its icon: the first load ends when that came too.
    icon = page.evaluate("() => document.querySelector('link[rel~=icon]').href")
    if not any(response.url == icon for response in responses):
        page.wait_for_event("response", lambda response: response.url == icon)
    sizes = {urlsplit(response.url).path: len(response.body()) for response in responses}
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
