"""The caching rules of _headers: a year for names that carry their content's hash, a revalidation
for everything else, and never two rules for one file."""

from __future__ import annotations

import pytest

from helpkit.hosting.caching import (
    IMMUTABLE,
    REVALIDATE,
    SECURITY_HEADERS,
    Rule,
    cache_rules,
    cloudflare_matches,
    is_hashed,
    netlify_matches,
    render_headers,
    request_paths,
    rule_problems,
)

# A small site as the build lays it out.
FILES = [
    "index.html",
    "index.html.gz",
    "404.html",
    "sitemap.xml",
    "sitemap.xml.gz",
    "_headers",
    "search/search_index.json",
    "threatened/index.html",
    "threatened/stop/index.html",
    "fr/index.html",
    "fr/search/search_index.json",
    "data/reporting-channels.csv",
    "assets/images/logo.svg",
    "assets/javascripts/bundle.a5f9d56c.min.js",
    "assets/javascripts/bundle.a5f9d56c.min.js.map",
    "assets/javascripts/bundle.a5f9d56c.min.js.gz",
    "assets/javascripts/site.0e8b9072.js",
    "assets/javascripts/lunr/min/lunr.fr.min.js",
    "assets/javascripts/lunr/tinyseg.js",
    "assets/javascripts/workers/search.22f5cb25.min.js",
    "assets/stylesheets/main.57a0d79d.min.css",
    "assets/stylesheets/site.3f2a9c41.css",
    "assets/stylesheets/site.3f2a9c41.css.gz",
]


@pytest.mark.parametrize(
    "path",
    [
        "assets/javascripts/bundle.a5f9d56c.min.js",
        "assets/javascripts/bundle.a5f9d56c.min.js.map",
        "assets/javascripts/workers/search.22f5cb25.min.js",
        "assets/stylesheets/main.57a0d79d.min.css",
        "assets/stylesheets/site.3f2a9c41.css",
        "assets/stylesheets/site.3f2a9c41.css.gz",
    ],
)
def test_names_carrying_a_content_hash_are_hashed(path: str) -> None:
    assert is_hashed(path)


@pytest.mark.parametrize(
    "path",
    [
        "assets/javascripts/lunr/min/lunr.fr.min.js",
        "assets/javascripts/lunr/tinyseg.js",
        "assets/javascripts/site.js",
        "assets/images/logo.3f2a9c41.svg",
        "fr/site.3f2a9c41.js",
        "index.html",
        "search/search_index.json",
        "sitemap.xml.gz",
    ],
)
def test_other_names_are_not(path: str) -> None:
    assert not is_hashed(path)


def test_every_file_falls_under_one_rule_with_its_value_on_both_hosts() -> None:
    assert rule_problems(cache_rules(FILES), FILES) == []


def test_a_folder_alike_throughout_is_one_rule_and_a_mixed_one_names_its_files() -> None:
    rules = {rule.pattern: rule.cache_control for rule in cache_rules(FILES)}
    assert rules["/threatened/*"] == REVALIDATE
    assert rules["/assets/javascripts/lunr/*"] == REVALIDATE
    assert rules["/assets/stylesheets/*"] == IMMUTABLE
    assert rules["/assets/javascripts/workers/*"] == IMMUTABLE
    # A file with its map and copies is one rule; the root's page is also asked for as /.
    assert rules["/assets/javascripts/bundle.a5f9d56c.min.js*"] == IMMUTABLE
    assert rules["/index.html*"] == rules["/"] == REVALIDATE
    assert "/assets/*" not in rules and "/*" not in rules


def test_a_folder_netlify_would_stretch_over_another_is_not_grouped() -> None:
    # Netlify's /as/* matches /assets/...: a site in Assamese (as) keeps its rules apart.
    files = [*FILES, "as/index.html", "as/threatened/index.html"]
    rules = cache_rules(files)
    assert "/as/*" not in {rule.pattern for rule in rules}
    assert rule_problems(rules, files) == []


def test_two_rules_for_one_file_are_found() -> None:
    rules = [*cache_rules(FILES), Rule("/assets/*", IMMUTABLE)]
    problems = rule_problems(rules, FILES)
    assert any(problem.startswith("assets/images/logo.svg: /assets/images/logo.svg matches 2") for problem in problems)


def test_a_file_without_a_rule_is_found() -> None:
    rules = [rule for rule in cache_rules(FILES) if rule.pattern != "/data/*"]
    assert rule_problems(rules, FILES) == [
        f"data/reporting-channels.csv: /data/reporting-channels.csv matches 0 caching rules on {host}: none"
        for host in ("Cloudflare Pages", "Netlify")
    ]


def test_an_unhashed_file_kept_a_year_is_found() -> None:
    rules = [
        Rule(r.pattern, IMMUTABLE if r.pattern == "/assets/javascripts/lunr/*" else r.cache_control)
        for r in cache_rules(FILES)
    ]
    problems = rule_problems(rules, FILES)
    assert len(problems) == 4 and all("expected no-cache" in problem for problem in problems)


def test_more_rules_than_cloudflare_reads_are_found() -> None:
    # A folder mixing hashed and unhashed names needs a rule per name.
    files = [f"page-{n}/index.html" for n in range(50)]
    files += [f"assets/z-{n}.css" for n in range(30)] + [f"assets/z-{n}.3f2a9c41.css" for n in range(30)]
    assert any("Cloudflare Pages reads at most 100" in problem for problem in rule_problems(cache_rules(files), files))


def test_a_folders_page_is_asked_for_by_its_folder_too() -> None:
    assert request_paths("fr/index.html") == ["/fr/index.html", "/fr/"]
    assert request_paths("index.html") == ["/index.html", "/"]
    assert request_paths("fr/404.html") == ["/fr/404.html"]


@pytest.mark.parametrize(
    ("pattern", "path", "cloudflare", "netlify"),
    [
        ("/fr/*", "/fr/", True, True),
        ("/fr/*", "/fr/threatened/", True, True),
        ("/fr/*", "/friends/", False, True),
        ("/fr/*", "/FR/", False, True),
        ("/", "/", True, True),
        ("/", "/index.html", False, False),
        ("/index.html*", "/index.html.gz", True, True),
        ("/*", "/anything/at/all", True, True),
    ],
)
def test_the_hosts_match_as_they_document_and_code_it(pattern: str, path: str, cloudflare: bool, netlify: bool) -> None:
    assert cloudflare_matches(pattern, path) is cloudflare
    assert netlify_matches(pattern, path) is netlify


def test_the_security_headers_are_on_every_path_and_no_cache_control_with_them() -> None:
    text = render_headers(cache_rules(FILES))
    block = text.split("\n\n")[0].splitlines()
    assert block[-7:] == ["/*", *(f"  {name}: {value}" for name, value in SECURITY_HEADERS)]
    assert all("Cache-Control" not in line for line in block)


def test_each_rule_is_written_once_with_its_value() -> None:
    rules = cache_rules(FILES)
    lines = render_headers(rules).splitlines()
    for rule in rules:
        at = lines.index(rule.pattern)
        assert lines[at + 1] == f"  Cache-Control: {rule.cache_control}"
    assert sum(1 for line in lines if line.startswith("/")) == len(rules) + 1
