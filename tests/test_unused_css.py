"""helpkit.hosting.unused_css: Material's rules that no page or script can use, left out."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from helpkit.hosting.unused_css import Names, unused_removed

PAGE = """<!doctype html><html lang="ar" dir="rtl"><body data-md-color-primary="custom">
<nav class="md-nav md-nav--primary" id="nav"><a class="md-nav__link" href="/">x</a></nav>
<div style="--shk-brand:#123456"><table></table></div></body></html>"""
SCRIPT = 'e.classList.add("md-tooltip--active");const t=`md-search-result__item`;x.setAttribute("data-md-state","lock")'


def names() -> Names:
    found = Names()
    found.add_html(PAGE)
    found.add_script(SCRIPT)
    return found


def test_a_rule_is_kept_when_a_page_or_a_script_names_everything_it_needs() -> None:
    css = (
        ".md-nav__link{color:red}"
        ".md-tabs{color:blue}"
        "#nav .md-nav__link{margin:0}"
        "#other{margin:1px}"
        ".md-tooltip--active{opacity:1}"
        ".md-search-result__item{padding:0}"
        "table,.md-typeset .tabbed-set{border:0}"
    )
    assert unused_removed(css, names()) == (
        ".md-nav__link{color:red}"
        "#nav .md-nav__link{margin:0}"
        ".md-tooltip--active{opacity:1}"
        ".md-search-result__item{padding:0}"
        "table{border:0}"
    )


def test_what_is_only_tested_for_never_removes_a_rule() -> None:
    css = ".md-nav__link:not(.md-nav__link--active){a:b}.md-nav:is(.md-tabs,.md-sidebar){c:d}"
    assert unused_removed(css, names()) == css


def test_attributes_and_their_values() -> None:
    css = (
        "[dir=rtl] .md-nav{a:b}"
        "[dir=ltr] .md-nav{c:d}"
        '[data-md-color-primary="custom"]{e:f}'
        "[data-md-color-primary=red]{g:h}"
        "[data-md-state=lock]{i:j}"
        "[data-md-toggle]{k:l}"
        '[href^="http"]{m:n}'
    )
    assert unused_removed(css, names()) == (
        '[dir=rtl] .md-nav{a:b}[data-md-color-primary="custom"]{e:f}[data-md-state=lock]{i:j}[href^="http"]{m:n}'
    )


def test_media_queries_keep_their_used_rules_and_go_when_empty() -> None:
    css = "@media screen and (min-width:76.25em){.md-nav{a:b}.md-tabs{c:d}}@media print{.md-tabs{e:f}}"
    assert unused_removed(css, names()) == "@media screen and (min-width:76.25em){.md-nav{a:b}}"


def test_custom_properties_no_kept_rule_reads_go_in_turn() -> None:
    css = (
        ":root{--md-icon--note:url(x.svg);--md-used:1px;--md-chain:var(--md-deep);--md-deep:2px;"
        "--shk-brand:red;--md-alone:var(--md-deep2);--md-deep2:3px}"
        ".md-nav{margin:var(--md-used);padding:var(--md-chain)}"
        ".md-tabs{mask-image:var(--md-icon--note)}"
    )
    assert unused_removed(css, names()) == (
        ":root{--md-used:1px;--md-chain:var(--md-deep);--md-deep:2px;--shk-brand:red}"
        ".md-nav{margin:var(--md-used);padding:var(--md-chain)}"
    )


def test_animations_no_kept_rule_runs_go() -> None:
    css = "@keyframes spin{0%{a:b}}@keyframes fade{0%{c:d}}.md-nav{animation:fade .2s}.md-tabs{animation:spin 1s}"
    assert unused_removed(css, names()) == "@keyframes fade{0%{c:d}}.md-nav{animation:fade .2s}"


def test_important_and_other_at_rules_are_kept_as_written() -> None:
    css = '@charset "utf-8";.md-nav{color:red!important}@page{margin:1cm}'
    assert unused_removed(css, names()) == '@charset "utf-8";.md-nav{color:red!important}@page{margin:1cm}'


# --- The built site, with and without the rules left out ------------------------------------------

REFERENCE_PAGES = ("", "threatened/stop/", "parents/", "directory/", "report-on-apps/", "guide/", "fr/", "ar/about/")


def _full_stylesheets() -> str:
    """What the pages loaded before: Material's two stylesheets whole, then the site's own."""
    import material
    import yaml

    from conftest import ROOT
    from helpkit.edition.colours import edition_css

    shipped = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    parts = [
        next(shipped.glob(pattern)).read_text(encoding="utf-8") for pattern in ("main.*.min.css", "palette.*.min.css")
    ]
    parts += [(ROOT / "docs" / sheet).read_text(encoding="utf-8") for sheet in config["extra_css"]]
    parts.append(edition_css(config["extra"]["brand_colour"]))
    return "\n".join(parts)


def _screens(page, base: str, *, phone: bool) -> list[bytes]:
    shots = []
    for path in REFERENCE_PAGES:
        page.goto(base + path)
        # Material's script marks the table of contents' current heading just after the load.
        page.wait_for_timeout(400)
        shots.append(page.screenshot(full_page=True))
    # What scripts add at view time: the menu on a phone, the search with its results, a focus ring.
    page.goto(base + "threatened/stop/")
    if phone:
        page.locator("label.md-header__button[for=__drawer]").click()
    else:
        page.keyboard.press("Tab")
    page.wait_for_timeout(1000)  # the drawer's and the skip link's transitions
    shots.append(page.screenshot())
    page.goto(base + "threatened/stop/")
    opener = "label.md-header__button[for=__search]" if phone else "input.md-search__input"
    page.locator(opener).click()
    page.locator("input.md-search__input").press_sequentially("police")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(500)
    shots.append(page.screenshot())
    return shots


@pytest.mark.parametrize("viewport", [{"width": 360, "height": 740}, {"width": 1280, "height": 800}])
def test_without_the_unused_rules_every_page_looks_exactly_the_same(
    browser, site: Path, served: str, viewport: dict
) -> None:
    full = _full_stylesheets()
    shots = {}
    for kind in ("joined", "full"):
        context = browser.new_context(viewport=viewport, reduced_motion="reduce")
        page = context.new_page()
        if kind == "full":
            page.route(
                "**/assets/stylesheets/style.*.css", lambda route: route.fulfill(body=full, content_type="text/css")
            )
        shots[kind] = _screens(page, served, phone=viewport["width"] < 1000)
        context.close()
    names = [*REFERENCE_PAGES, "menu or focus", "search"]
    different = [
        name or "/" for name, one, other in zip(names, shots["joined"], shots["full"], strict=True) if one != other
    ]
    assert different == []
    # The file the pages load is much lighter than what it replaces.
    (joined,) = (site / "assets" / "stylesheets").glob("style.*.css")
    assert len(gzip.compress(joined.read_bytes(), 9)) < len(gzip.compress(full.encode(), 9)) - 9_000
