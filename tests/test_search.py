"""Search in the reader's language: its own index, loaded only when search is opened."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES, build_site, copy_project, page_soup, set_quick_exit
from helpkit.search.directory import directory_entries
from helpkit.search.index import replace_pages, split_index, stemmed_worker
from helpkit.search.rank import DIRECTORY_BOOST, is_directory, rank_directory_last

# Counts the queries Material's page sends its search worker and the answers that come back. The
# list is emptied and rebuilt for every keystroke's query, so only when the worker has answered the
# query now in the field is what the list shows final. Installed before the page's scripts, it
# wraps the real Worker that lazy-search.js later starts. It keeps the last answer's pages in
# Material's order too: the list shows ten and adds more only as the reader scrolls.
WATCH_WORKER = """
(() => {
  if (window.__shkSearch) return;
  const watch = (window.__shkSearch = { sent: [], answered: 0, links: -1, pages: [] });
  const Real = window.Worker;
  window.Worker = class extends Real {
    constructor(url, options) {
      super(url, options);
      // Material's enum: 2 is a query, 3 its result.
      this.addEventListener("message", (event) => {
        if (!event.data || event.data.type !== 3) return;
        watch.answered += 1;
        // One group per page, best first; a group's first entry may be one of the page's sections.
        watch.pages = event.data.data.items.map((group) => group[0].location.split("#")[0]);
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


def type_query(page, query: str) -> list[str]:
    """Types a new query into the open search; the pages found, in Material's order, as locations
    in the language's index ("threatened/stop/")."""
    field = page.locator("input.md-search__input")
    field.fill("")
    field.press_sequentially(query)
    page.keyboard.press("End")
    wait_for_results(page, query)
    return page.evaluate("() => window.__shkSearch.pages")


def language_index(site: Path, language: str) -> dict:
    folder = site if language == LANGUAGES[0] else site / language
    return json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))


# What a young person or a parent types, in each language's everyday words. Each word, or a longer
# one it begins (German "nackt": "Nacktbilder"), is in that language's advice pages.
EVERYDAY_WORDS = {
    "en": ("sextortion", "blackmail", "nude", "paid", "police", "delete"),
    "fr": ("sextorsion", "chantage", "nue", "payé", "police", "supprimer"),
    "de": ("Sextortion", "Erpressung", "nackt", "bezahlt", "Polizei", "löschen"),
    "ar": ("الابتزاز الجنسي", "ابتزاز", "عارية", "دفعت", "الشرطة", "حذف"),
}


@pytest.mark.parametrize("language", list(EVERYDAY_WORDS))
def test_everyday_words_list_the_advice_before_the_directory(page, served: str, language: str) -> None:
    root = "" if language == "en" else f"{language}/"
    open_search(page, served, root)
    wrong: dict[str, list[str]] = {}
    for query in EVERYDAY_WORDS[language]:
        pages = type_query(page, query)
        first_shown = page.evaluate("() => document.querySelector('.md-search-result__list > li a').href")
        in_directory = [is_directory(location) for location in pages]
        first_directory = in_directory.index(True) if True in in_directory else len(pages)
        if (
            not pages
            or urlsplit(first_shown).path != f"/{root}{pages[0]}"
            or in_directory[0]
            or not all(in_directory[first_directory:])
        ):
            wrong[query] = pages
    assert not wrong, wrong


# What never holds text of its own in the directory's fields: links and the marks of a name.
_INLINE = {"a", "bdi", "strong", "em", "b", "i"}


def adjacent_fields(soup, tag: str | None = None) -> list[tuple[str, str]]:
    """The texts of two elements of the directory's content that the page shows apart but puts
    nothing between, not even a space: a channel's facts (sibling <span>s that CSS separates), a
    country's name and the kind of service under it (<h2> then <h3>). Only after a `tag`, if given."""
    content = soup.select_one("article.md-content__inner")
    pairs = []
    for first in content.find_all(tag or True):
        second = first.next_sibling
        if getattr(second, "name", None) in (None, *_INLINE) or first.name in _INLINE:
            continue
        # The help box is the page template's, not the page's content that search indexes.
        if "aside" in (first.name, second.name) or first.find_parent("aside"):
            continue
        a, b = first.get_text().split(), second.get_text().split()
        if a and b:
            pairs.append((a[-1], b[0]))
    return pairs


def joins(pairs: list[tuple[str, str]]) -> set[str]:
    """How two fields read when run together, "Swedish" and "For" as "SwedishFor", for the fields
    that end and start with a letter (a number is often both a channel's name and its number)."""
    return {a + b for a, b in pairs if re.search(r"[^\W\d_]$", a) and re.match(r"[^\W\d_]", b)}


def directory_pages(site: Path, language: str) -> list[Path]:
    folder = site if language == LANGUAGES[0] else site / language
    return sorted((folder / "directory").rglob("index.html"))


def as_words(html: str) -> str:
    # Each tag is an edge between words: only text that runs on without one can be glued.
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("language", ["en", "fr", "de", "ar"])
def test_the_index_keeps_the_directory_fields_apart(site: Path, language: str) -> None:
    glued_forms = set()
    for path in directory_pages(site, language):
        glued_forms |= joins(adjacent_fields(page_soup(path)))
    assert glued_forms, "the directory pages have no adjacent fields: adjacent_fields no longer finds them"
    docs = [doc for doc in language_index(site, language)["docs"] if is_directory(doc["location"])]
    glued = {
        (doc["location"], form)
        for doc in docs
        for form in glued_forms
        if form in as_words(doc["title"]) or form in as_words(doc["text"])
    }
    assert not glued, sorted(glued)[:10]


# The text of the first result shown that is a directory page, or null.
FIRST_DIRECTORY_RESULT = """
(root) => {
  const results = Array.from(document.querySelectorAll(".md-search-result__list > li"));
  const found = results.find((li) => new URL(li.querySelector("a").href).pathname.startsWith(root + "directory/"));
  // innerText, as the page shows it: a line between blocks (textContent would run them together).
  return found ? found.innerText : null;
}
"""


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_a_directory_result_reads_as_sentences(page, site: Path, served: str, language: str) -> None:
    advice = " ".join(
        as_words(f"{doc['title']} {doc['text']}")
        for doc in language_index(site, language)["docs"]
        if not is_directory(doc["location"])
    ).casefold()
    soups = [page_soup(path) for path in directory_pages(site, language)]
    # The last word of a channel's fact that another follows at once ("Swedish" in "Languages:
    # Swedish" · "For everyone"), and that no advice page has: its search shows a directory result
    # among the first, with that fact in the snippet. The stemmer may still join it to advice words
    # ("listed", "listen"): the first few are tried.
    words = dict.fromkeys(
        bare
        for soup in soups
        for first, _ in adjacent_fields(soup, "span")
        if len(bare := first.strip(".,:;()")) >= 4 and bare.isalpha() and bare.casefold() not in advice
    )
    assert words, "no channel fact ends with a word of the directory's own"
    root = "" if language == "en" else f"{language}/"
    open_search(page, served, root)
    snippet = None
    for word in list(words)[:5]:
        type_query(page, word)
        snippet = page.evaluate(FIRST_DIRECTORY_RESULT, f"/{root}")
        if snippet:
            break
    assert snippet, f"no directory result among the first shown for {list(words)[:5]}"
    assert word in snippet
    glued = [form for form in joins([pair for soup in soups for pair in adjacent_fields(soup)]) if form in snippet]
    assert not glued, (word, glued, snippet[:600])


@pytest.mark.parametrize("language", ["en", "fr", "de", "ar"])
def test_each_country_of_the_directory_is_an_entry_at_its_anchor(site: Path, language: str) -> None:
    entries = {doc["location"]: doc for doc in language_index(site, language)["docs"]}
    folder = site if language == LANGUAGES[0] else site / language
    for path in directory_pages(site, language):
        location = path.parent.relative_to(folder).as_posix() + "/"
        for country in page_soup(path).select("section.shk-country[id]"):
            entry = entries.get(f"{location}#{country['id']}")
            assert entry, f"{location}#{country['id']}"
            assert entry["title"] == html.escape(country.h2.get_text(), quote=False), entry["title"]
            assert entry["boost"] == DIRECTORY_BOOST


# The points of the result count's bar, and of each line of its words, where something else is
# painted on top. Material's tooltips take no pointer events, and elementFromPoint looks through
# such elements: for the time of the check, every element takes them. What is transparent (a
# tooltip at rest) covers nothing.
COUNT_COVERED_AT = """
() => {
  const meta = document.querySelector(".md-search-result__meta");
  const box = meta.getBoundingClientRect();
  const words = document.createRange();
  words.selectNodeContents(meta);
  const points = [];
  for (let x = box.left + 2; x < box.right - 2; x += 4)
    for (let y = box.top + 2; y < box.bottom - 2; y += 4) points.push([x, y]);
  for (const line of words.getClientRects())
    for (let x = line.left + 1; x < line.right - 1; x += 2) points.push([x, line.top + line.height / 2]);
  const painted = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.opacity === "0" || style.visibility === "hidden") return false;
    }
    return true;
  };
  // One element at a time: the page's policy (CSP) refuses a <style> added by a script.
  const all = Array.from(document.querySelectorAll("*"), (e) => [
    e, e.style.getPropertyValue("pointer-events"), e.style.getPropertyPriority("pointer-events"),
  ]);
  for (const [e] of all) e.style.setProperty("pointer-events", "auto", "important");
  try {
    return points.flatMap(([x, y]) => {
      const hit = document.elementsFromPoint(x, y).find(painted);
      return hit && meta.contains(hit) ? [] : [[Math.round(x), Math.round(y), hit && String(hit.className)]];
    });
  } finally {
    for (const [e, value, priority] of all) e.style.setProperty("pointer-events", value, priority);
  }
}
"""


@pytest.mark.parametrize("language", ["en", "ar"])
def test_on_a_phone_the_clear_buttons_tooltip_leaves_the_result_count_visible(
    browser, served: str, language: str
) -> None:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, has_touch=True, is_mobile=True
    )
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.add_init_script(WATCH_WORKER)
        page.goto(served + ("" if language == "en" else f"{language}/"))
        page.locator("label.md-header__button[for=__search]").tap()
        query = EVERYDAY_WORDS[language][4]
        type_query(page, query)
        # Clearing the field to type another search: the tap leaves the × "hovered", as a finger does.
        page.locator(".md-search__options button[type=reset]").tap()
        type_query(page, query)
        assert page.locator(".md-search-result__meta").inner_text().strip()
        covered = page.evaluate(COUNT_COVERED_AT)
        assert not covered, covered[:5]
    finally:
        context.close()


def test_directory_entries_read_as_sentences_one_per_country() -> None:
    content = (
        '<h1 id="region">Northern Europe</h1><p><a href="../">All countries</a></p>'
        '<nav><ul><li><a href="#country-se">Sweden</a></li><li><a href="#country-no">Norway</a></li></ul></nav>'
        '<div hidden><label for="f">Find your country</label><input id="f"></div>'
        '<section class="shk-country" id="country-se"><h2>Sweden</h2><h3>Helplines</h3><ul>'
        '<li><p><strong><bdi>Bris</bdi></strong></p><p><span><a href="tel:116111">116 111</a></span> '
        '<span><a href="https://www.bris.se">www.bris.se</a></span></p><p>For under-18s.</p>'
        "<p><span>Hours: Open day and night</span><span>Languages: Swedish</span><span>For everyone</span></p>"
        "</li></ul></section>"
    )
    assert directory_entries(content, location="directory/n/", title="fallback") == [
        {
            "location": "directory/n/",
            "title": "Northern Europe",
            "text": "<p>All countries</p><ul><li>Sweden</li><li>Norway</li></ul>",
        },
        {
            "location": "directory/n/#country-se",
            "title": "Sweden",
            "text": "<p>Helplines</p><p>Bris. 116 111 www.bris.se. For under-18s. Hours: Open day and night. "
            "Languages: Swedish. For everyone</p>",
        },
    ]


def test_a_heading_with_an_id_starts_an_entry_and_text_is_escaped() -> None:
    content = (
        '<p>Intro &amp; more</p><section id="country-be"><h2>Belgium</h2><p>A</p></section>'
        '<h2 id="countries">Countries</h2><ul><li>Belgium</li></ul>'
        '<section id="country-int"><h2>Works everywhere</h2><p>B</p></section><p>Open data</p>'
    )
    entries = directory_entries(content, location="directory/", title="Who to call")
    assert [(entry["location"], entry["title"]) for entry in entries] == [
        ("directory/", "Who to call"),
        ("directory/#country-be", "Belgium"),
        ("directory/#countries", "Countries"),
        ("directory/#country-int", "Works everywhere"),
    ]
    assert entries[0]["text"] == "<p>Intro &amp; more</p>"
    # After a section, its text goes back to the entry it is in, as in Material's own index.
    assert entries[2]["text"] == "<ul><li>Belgium</li></ul><p>Open data</p>"


def test_the_directory_weighs_less_than_the_advice() -> None:
    docs = [
        {"location": "directory/x/#country-se", "title": "Sweden", "text": ""},
        {"location": "threatened/", "title": "Now", "text": ""},
        {"location": "directory/", "title": "Who", "text": "", "boost": 2},
    ]
    assert [doc.get("boost") for doc in rank_directory_last(docs)] == [DIRECTORY_BOOST, None, 2 * DIRECTORY_BOOST]
    assert not is_directory("threatened/directory/") and is_directory("directory/")


def test_replace_pages_puts_a_pages_entries_where_its_own_was() -> None:
    docs = [{"location": "a/"}, {"location": "d/"}, {"location": "d/#x"}, {"location": "b/"}]
    new = [{"location": "d/"}, {"location": "d/#y"}]
    assert replace_pages(docs, {"d/": new, "gone/": [{"location": "gone/"}]}) == [
        {"location": "a/"},
        *new,
        {"location": "b/"},
    ]


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
