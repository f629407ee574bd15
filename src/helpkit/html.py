"""Small HTML builders that escape everything they are given.

Every value that comes from data passes through here: text is escaped, and only `https:` and
`tel:` addresses become links.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from markupsafe import Markup, escape


def safe_href(address: str) -> str | None:
    """The address if it is an https: or tel: link, else None."""
    scheme = urlsplit(address).scheme
    if scheme == "https" and urlsplit(address).netloc:
        return address
    if scheme == "tel" and address[4:].lstrip("+").isdigit():
        return address
    return None


def ltr(text: str) -> Markup:
    """Numbers and addresses keep their left-to-right order inside right-to-left text."""
    return Markup('<bdi dir="ltr">{}</bdi>').format(text)


def reach_links(*, tel: str | None, phone: str, url: str, url_label: str | Markup) -> Markup:
    """ "112 · Website": the number as a tel: link, then the web address, either one optional."""
    reach = []
    if tel:
        reach.append(link(tel, ltr(phone)))
    if url:
        reach.append(link(url, url_label, external=True))
    return Markup(" · ").join(reach)


def link(address: str, label: str | Markup, *, external: bool = False) -> Markup:
    """An <a> to a checked address; plain text when the address is not allowed."""
    href = safe_href(address)
    if href is None:
        return escape(label)
    rel = Markup(' rel="noopener noreferrer"') if external else Markup("")
    return Markup('<a href="{}"{}>{}</a>').format(href, rel, label)
