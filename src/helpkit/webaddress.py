"""Web addresses that open the host they show, and show it plainly.

Used for every address a reader may open or an editor records: the channels' `url` and `source`,
and the edition's quick-exit page and contact. The rules follow what browsers do, not what a
lenient parser accepts: a backslash is a slash, text before `@` is a user name, and a host in
another alphabet can look like a familiar one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

import idna


def web_address_problem(value: str, *, schemes: Iterable[str], wanted: str) -> str | None:
    """What is wrong with a web address, or None: it must open the host it shows, and show it plainly."""
    # Spelled out, not left to urlsplit, which would also take HTTPS:// and "https:example.org".
    prefix = next((f"{scheme}://" for scheme in schemes if value.startswith(f"{scheme}://")), None)
    if prefix is None:
        return wanted
    if "\\" in value:
        # Browsers read \ as / in a web address, so what follows it is not the host urlsplit sees.
        opens = re.split(r"[/\\?#]", value[len(prefix) :], maxsplit=1)[0].rpartition("@")[2]
        return f"{wanted} without \\ (a browser reads it as /" + (f" and would open {opens})" if opens else ")")
    if any(character.isspace() or unicodedata.category(character) == "Cc" for character in value):
        return wanted
    try:
        parts = urlsplit(value)
        port = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        return wanted
    host = parts.netloc
    if not value.startswith(prefix + host):
        # urlsplit quietly drops some characters; then it did not read what a browser would.
        return wanted
    if "@" in host:
        opens = f" (a browser would open {parts.hostname})" if parts.hostname else ""
        return f"{wanted} without a user name before the host{opens}"
    if port is not None:
        return f"{wanted} without a port"
    if "." not in host or ":" in host or host.startswith("["):
        return wanted
    return _host_problem(host, wanted)


def _host_problem(host: str, wanted: str) -> str | None:
    """What is wrong with a host name, or None.

    Only ASCII is taken, so that a look-alike letter from another alphabet cannot pass for the real
    one; a real internationalised domain is written in its xn-- form, which is also what the
    directory shows. idna checks that form and every label's letters, hyphens and length.
    """
    if not host.isascii():
        return f"{wanted} with its host in ASCII (an internationalised domain in its xn-- form)"
    try:
        shown = idna.decode(idna.encode(host))
    except idna.IDNAError as error:
        return f"{wanted} with a valid host name ({error})"
    top = host.rstrip(".").rpartition(".")[2]
    if not (top.isalpha() or top.startswith("xn--")):
        # A browser reads a host ending in a number (192.0.2.1, 0x7f.1) as an IP address.
        return f"{wanted} with a domain name, not an IP address"
    for label in shown.split("."):
        scripts = _scripts(label)
        if len(scripts) > 1:
            mixed = " and ".join(scripts)
            return f"{wanted} with a host that does not mix alphabets; {host} reads as {shown}, mixing {mixed}"
    return None


def _scripts(label: str) -> list[str]:
    # Python has no Unicode script property; the first word of a letter's name is its script for the
    # alphabets look-alikes are drawn from (LATIN, CYRILLIC, GREEK). Japanese, which mixes Han and
    # kana, is refused with them: better a row fixed by hand than a look-alike published.
    return sorted({unicodedata.name(character, "").partition(" ")[0] for character in label if character.isalpha()})


def is_email(text: str) -> bool:
    """Whether the text is an e-mail address a mail program can write to."""
    # What a reader's mail program needs: one @, a name before it and a domain with a dot after it.
    local, _, domain = text.partition("@")
    labels = domain.split(".")
    return (
        bool(local)
        and "@" not in domain
        and not any(character in local for character in ' <>"(),:;[]\\')
        and len(labels) > 1
        and all(label and label.isascii() and label.replace("-", "").isalnum() for label in labels)
    )
