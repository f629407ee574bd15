"""Content-hashed names for the site's own files, and the references of a page rewritten to them."""

from __future__ import annotations

import hashlib

import pytest

from helpkit.hosting.fingerprints import (
    base_path,
    hashed_name,
    resolve,
    rewrite_references,
    stale_references,
)

RENAMED = {
    "assets/stylesheets/site.css": "assets/stylesheets/site.3f2a9c41.css",
    "assets/javascripts/site.js": "assets/javascripts/site.0e8b9072.js",
}


def test_a_hashed_name_carries_the_first_digits_of_the_contents_sha256() -> None:
    digest = hashlib.sha256(b"body{}").hexdigest()[:8]
    assert hashed_name("assets/stylesheets/site.css", b"body{}") == f"assets/stylesheets/site.{digest}.css"
    assert hashed_name("site.css", b"body{}") == f"site.{digest}.css"


def test_a_hashed_name_changes_with_the_content_and_only_with_it() -> None:
    assert hashed_name("a/site.js", b"1") != hashed_name("a/site.js", b"2")
    assert hashed_name("a/site.js", b"1") == hashed_name("a/site.js", b"1")


def test_a_minified_name_keeps_its_min_before_the_hash() -> None:
    assert hashed_name("x.min.js", b"").startswith("x.min.") and hashed_name("x.min.js", b"").endswith(".js")


@pytest.mark.parametrize("path", ["assets/README", "assets/.css"])
def test_a_name_without_an_extension_is_refused_by_name(path: str) -> None:
    with pytest.raises(ValueError, match=path):
        hashed_name(path, b"")


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [("", "/"), ("https://help.example/", "/"), ("https://me.github.io/kit", "/kit/"), ("https://x.org/a/b/", "/a/b/")],
)
def test_the_base_path_comes_from_the_sites_address(site_url: str, expected: str) -> None:
    assert base_path(site_url) == expected


@pytest.mark.parametrize(
    ("reference", "page", "base", "expected"),
    [
        ("assets/site.css", "index.html", "/", "assets/site.css"),
        ("../../../assets/site.css?v=1#x", "fr/threatened/stop/index.html", "/", "assets/site.css"),
        ("/assets/site.css", "fr/404.html", "/", "assets/site.css"),
        ("/kit/assets/site.css", "404.html", "/kit/", "assets/site.css"),
        ("/other/assets/site.css", "404.html", "/kit/", None),
        ("https://cdn.example/site.css", "index.html", "/", None),
        ("//cdn.example/site.css", "index.html", "/", None),
        ("data:text/css,body{}", "index.html", "/", None),
        ("#top", "index.html", "/", None),
        ("../site.css", "index.html", "/", None),
        ("./", "fr/index.html", "/", "fr"),
    ],
)
def test_a_reference_resolves_to_the_file_below_the_root(
    reference: str, page: str, base: str, expected: str | None
) -> None:
    assert resolve(reference, page=page, base=base) == expected


def test_links_and_scripts_are_pointed_at_the_new_names_as_the_page_wrote_them() -> None:
    page = (
        '<link rel="stylesheet" href="../../assets/stylesheets/site.css">'
        "<script src='../../assets/javascripts/site.js?x=1'></script>"
    )
    assert rewrite_references(page, page="fr/threatened/index.html", renamed=RENAMED, base="/") == (
        '<link rel="stylesheet" href="../../assets/stylesheets/site.3f2a9c41.css">'
        "<script src='../../assets/javascripts/site.0e8b9072.js?x=1'></script>"
    )


def test_root_relative_references_of_the_404_page_are_rewritten_under_the_base() -> None:
    page = '<link rel="stylesheet" href="/kit/assets/stylesheets/site.css">'
    assert 'href="/kit/assets/stylesheets/site.3f2a9c41.css"' in rewrite_references(
        page, page="404.html", renamed=RENAMED, base="/kit/"
    )


def test_inline_scripts_links_in_text_and_other_files_of_the_same_name_are_left_alone() -> None:
    # An inline script changed by one byte would no longer match its hash in the policy.
    page = (
        '<script>var a = "assets/javascripts/site.js";</script>'
        '<a href="assets/stylesheets/site.css">the stylesheet</a>'
        '<link rel="stylesheet" href="fr/assets/stylesheets/site.css">'
    )
    assert rewrite_references(page, page="index.html", renamed=RENAMED, base="/") == page


@pytest.mark.parametrize(
    "text",
    ['url("../stylesheets/site.css")', "@import 'site.css';", "url(site.css)", 'x = "/assets/javascripts/site.js?1"'],
)
def test_a_file_still_naming_an_old_name_is_found(text: str) -> None:
    assert stale_references(text, old_paths=RENAMED) != []


@pytest.mark.parametrize("text", ["mysite.css", '"site.css.map"', "site.3f2a9c41.css", 'src="site.json"'])
def test_names_that_only_look_alike_are_not_stale(text: str) -> None:
    assert stale_references(text, old_paths=RENAMED) == []
