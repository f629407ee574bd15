"""Small HTML builders that escape everything they are given.

Every value that comes from data passes through here: text is escaped, and only `https:`, `tel:`,
`sms:` and `mailto:` addresses become links.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from helpkit.webaddress import is_email

_DIAL = re.compile(r"(?:tel|sms):\+?[0-9]+")
_SMS_BODY = re.compile(r"\?body=[A-Za-z0-9]+")


def safe_href(address: str) -> str | None:
    """The address if it is an https:, tel:, sms: or mailto: link of the forms the data allows, else None."""
    scheme = urlsplit(address).scheme
    if scheme == "https" and urlsplit(address).netloc:
        return address
    if scheme in {"tel", "sms"}:
        number, _, body = address.partition("?")
        if _DIAL.fullmatch(number) and ((scheme == "sms" and _SMS_BODY.fullmatch("?" + body)) or not body):
            return address
        return None
    if scheme == "mailto" and is_email(address[len("mailto:") :]):
        return address
    return None


def ltr(text: str) -> Markup:
    """Numbers and addresses keep their left-to-right order inside right-to-left text."""
    return Markup('<bdi dir="ltr">{}</bdi>').format(text)


def link(address: str, label: str | Markup, *, external: bool = False) -> Markup:
    """An <a> to a checked address; plain text when the address is not allowed."""
    href = safe_href(address)
    if href is None:
        return escape(label)
    rel = Markup(' rel="noopener noreferrer"') if external else Markup("")
    return Markup('<a href="{}"{}>{}</a>').format(href, rel, label)
