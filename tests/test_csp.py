"""helpkit.csp: the policy hashes exactly the inline scripts a browser would run."""

from __future__ import annotations

import base64
import hashlib

from helpkit.csp import add_security_meta, content_security_policy, inline_script_hashes

PAGE = (
    '<html><head><meta charset="utf-8"><script>var a=1</script>'
    '<script id="__config" type="application/json">{"base": "."}</script>'
    '<script src="x.js"></script></head><body><script>var a=1</script></body></html>'
)


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_executable_inline_scripts_are_hashed_once_each() -> None:
    assert inline_script_hashes(PAGE) == [sha("var a=1")]


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
    out = add_security_meta(PAGE)
    assert out.index('http-equiv="Content-Security-Policy"') < out.index("<script>")
    assert '<meta name="referrer" content="no-referrer">' in out
