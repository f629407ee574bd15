"""helpkit.page.csp: the policy hashes only the inline scripts that the theme's templates contain."""

from __future__ import annotations

import base64
import hashlib

from helpkit.page.csp import add_security_meta, content_security_policy, inline_script_hashes, theme_scripts
from helpkit.page.scan import scan

PAGE = (
    '<html><head><meta charset="utf-8"><script>var a=1</script>'
    '<script id="__config" type="application/json">{"base": "."}</script>'
    '<script src="x.js"></script></head><body><script>var a=1</script></body></html>'
)
TEMPLATE = """{#- The build hashes this: <script>not(this)</script> -#}
{% if scope %}<script>__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location)</script>{% endif %}
<script id="__config" type="application/json">{{ config | tojson }}</script>
<script src="{{ 'bundle.js' | url }}"></script>"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_executable_inline_scripts_are_hashed_once_each() -> None:
    assert inline_script_hashes(scan(PAGE)) == [sha("var a=1")]


def test_a_templates_script_matches_its_output_with_any_plain_value_for_an_expression() -> None:
    (pattern,) = theme_scripts([TEMPLATE])
    assert pattern.fullmatch('__md_scope=new URL("../..",location)')
    assert pattern.fullmatch('__md_scope=new URL("/fr/",location)')


def test_a_templates_script_matches_nothing_that_breaks_out_of_its_expression() -> None:
    (pattern,) = theme_scripts([TEMPLATE])
    assert not pattern.fullmatch('__md_scope=new URL("",location);alert(1);("",location)')
    assert not pattern.fullmatch('__md_scope=new URL("x",location)</script><script>alert(1)')
    assert not pattern.fullmatch("alert(1)")


def test_comments_data_blocks_and_external_scripts_of_templates_are_not_own_inline_scripts() -> None:
    (pattern,) = theme_scripts([TEMPLATE])
    assert pattern.pattern.startswith(r"__md_scope=new\ URL")


def test_the_policy_forbids_other_origins() -> None:
    policy = content_security_policy([sha("x")])
    assert policy.startswith("default-src 'none'; script-src 'self' 'sha256-")
    for directive in ("frame-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"):
        assert directive in policy
    assert "unsafe-inline" not in policy
    assert "https:" not in policy and "*" not in policy


def test_the_offline_copy_allows_inline_scripts_instead_of_hashes() -> None:
    policy = content_security_policy([sha("x")], offline=True)
    assert "script-src 'self' 'unsafe-inline';" in policy and "sha256" not in policy


def test_the_meta_tags_come_right_after_the_charset() -> None:
    out = add_security_meta(PAGE, [sha("var a=1")])
    assert out.index('http-equiv="Content-Security-Policy"') < out.index("<script>")
    assert f"script-src 'self' {sha('var a=1')};" in out
    assert '<meta name="referrer" content="no-referrer">' in out
