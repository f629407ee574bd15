"""helpkit.page.scan: scripts, handlers, runnable addresses and foreign resources found however written."""

from __future__ import annotations

import re

import pytest

from helpkit.page.scan import is_other_origin, page_problems, protect_external_links, scan

OWN = (re.compile(r"__md_scope=1"),)


def problems(html: str, *, own_origin: str = "") -> list[str]:
    return page_problems(scan(html), own_scripts=OWN, own_origin=own_origin)


def test_a_page_of_the_themes_own_scripts_and_files_has_no_problem() -> None:
    page = (
        '<head><script>__md_scope=1</script><script type="application/json">{"a": 1}</script>'
        '<script src="assets/x.js"></script><link rel="stylesheet" href="../assets/site.css">'
        '<link rel="canonical" href="https://elsewhere.example/page/"></head>'
        '<body><img src="assets/logo.svg" alt=""><a href="https://childfocus.be/">x</a><a href="tel:112">112</a></body>'
    )
    assert problems(page) == []


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        "<SCRIPT>alert(1)</SCRIPT>",
        '<script type="module">alert(1)</script>',
        "<script>__md_scope=1;alert(1)</script>",
    ],
)
def test_an_inline_script_the_theme_did_not_write_is_a_problem(html: str) -> None:
    (problem,) = problems(html)
    assert problem.startswith("an inline script the theme did not write: <script>")


@pytest.mark.parametrize(
    "html",
    ['<img src=x onerror="alert(1)">', "<p ONCLICK=alert(1)>x</p>", "<svg onload='alert(1)'></svg>"],
)
def test_an_event_handler_attribute_is_a_problem_however_it_is_quoted(html: str) -> None:
    assert any("an event-handler attribute runs a script" in problem for problem in problems(html))


@pytest.mark.parametrize(
    "html",
    [
        '<a href="javascript:alert(1)">x</a>',
        "<a href=' JaVaScRiPt:alert(1)'>x</a>",
        '<a href="java&#x09;script:alert(1)">x</a>',
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    ],
)
def test_an_address_that_runs_code_is_a_problem(html: str) -> None:
    assert any("expected an address that runs no code" in problem for problem in problems(html))


@pytest.mark.parametrize(
    ("html", "what"),
    [
        ('<img src="https://tracker.example/p.gif">', "<img src="),
        ("<img src=//tracker.example/p.gif>", "<img src="),
        ("<img srcset='a.png 1x, https://tracker.example/b.png 2x'>", "<img srcset="),
        ('<link rel="stylesheet" href="https://cdn.example/x.css">', "<link href="),
        ('<link rel="preconnect" href="https://fonts.example">', "<link href="),
        ('<script src="https://cdn.example/x.js"></script>', "<script src="),
        ('<video poster="https://cdn.example/p.jpg"></video>', "<video poster="),
        ('<p style="background:url(https://tracker.example/p.gif)">x</p>', "<p style=…>"),
        ("<style>@import 'https://cdn.example/x.css';</style>", "<style>"),
    ],
)
def test_a_resource_from_another_origin_is_a_problem(html: str, what: str) -> None:
    (problem,) = [problem for problem in problems(html) if "another site" in problem]
    assert problem.startswith(what)


def test_a_resource_from_the_sites_own_address_is_not_foreign() -> None:
    assert problems('<img src="https://help.example/logo.svg">', own_origin="https://help.example") == []
    assert not is_other_origin("https://help.example/x", own_origin="https://HELP.example")
    assert is_other_origin("https://help.example.evil/x", own_origin="https://help.example")


@pytest.mark.parametrize("element", ["iframe", "object", "embed", "base"])
def test_elements_that_embed_or_redirect_are_problems(element: str) -> None:
    assert any(f"a <{element}> element" in problem for problem in problems(f"<{element} src=x>"))


def test_a_meta_refresh_is_a_problem() -> None:
    (problem,) = problems('<meta http-equiv="refresh" content="0;url=https://evil.example/">')
    assert problem.startswith("<meta http-equiv='refresh'>")


@pytest.mark.parametrize(
    "link",
    [
        '<a href="https://other.example/">x</a>',
        "<a href='https://other.example/'>x</a>",
        "<a href=https://other.example/>x</a>",
        '<a class="c" href="//other.example/" rel="external">x</a>',
    ],
)
def test_every_outbound_link_gets_noopener_noreferrer_however_it_is_quoted(link: str) -> None:
    page = f"<p>before</p>{link}<p>after</p>"
    out = protect_external_links(page, scan(page))
    (tag,) = [t for t in scan(out).tags if t.name == "a"]
    assert {"noopener", "noreferrer"} <= set((tag.get("rel") or "").split())
    assert out.startswith("<p>before</p><a") and out.endswith(">x</a><p>after</p>")


def test_existing_rel_tokens_are_kept_and_other_links_are_left_byte_for_byte() -> None:
    page = '<a href="https://o.example/" rel="me">x</a><a href="../page/">y</a><a href="tel:112">112</a>'
    out = protect_external_links(page, scan(page))
    assert '<a href="https://o.example/" rel="me noopener noreferrer">x</a>' in out
    assert out.endswith('<a href="../page/">y</a><a href="tel:112">112</a>')


def test_attribute_values_are_escaped_when_a_link_is_rewritten() -> None:
    page = "<a title='say \"hi\" &amp; go' href='https://o.example/?a=1&amp;b=2'>x</a>"
    out = protect_external_links(page, scan(page))
    assert 'title="say &quot;hi&quot; &amp; go" href="https://o.example/?a=1&amp;b=2"' in out
