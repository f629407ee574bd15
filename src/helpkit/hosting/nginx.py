"""The same caching and security headers as `_headers`, for a site served by nginx.

nginx picks one `location` per request, and a regular-expression location wins over the prefix
`location /`: the hashed names get theirs, everything else the other, so no file falls under two.
`add_header` in a location drops every `add_header` it would inherit, so each location repeats the
security headers; `always` sends them on error pages too.
"""

from __future__ import annotations

from helpkit.hosting.caching import HASHED, IMMUTABLE, REVALIDATE, SECURITY_HEADERS

NAME = "_nginx.conf"


def hashed_location(base: str) -> str:
    """caching.HASHED as an nginx location expression on the request's path ('/assets/...')."""
    return "^" + base + HASHED.pattern.removeprefix("^")


def _headers(cache_control: str) -> list[str]:
    return [
        f'    add_header Cache-Control "{cache_control}" always;',
        *(f'    add_header {name} "{value}" always;' for name, value in SECURITY_HEADERS),
    ]


def render_nginx(*, base: str, hidden: tuple[str, ...]) -> str:
    """The snippet, for a site served under `base` ('/' or '/repository/'); `hidden` are the files
    of the site's root that only tell hosts how to serve it (_headers, this one)."""
    lines = [
        "# Written by the build (src/helpkit/hosting/nginx.py): do not edit, it is made anew every time.",
        "# For nginx: include it in the server { } block whose root is this folder, for example",
        "#",
        "#     server {",
        "#         listen 443 ssl;",
        "#         server_name help.example.org;",
        "#         root /srv/help-kit/site;",
        f"#         include /srv/help-kit/site/{NAME};",
        "#     }",
        "#",
        "# gzip_static serves the .gz copy beside a file to browsers that accept gzip; it needs nginx's",
        "# gzip_static module (`nginx -V` lists --with-http_gzip_static_module).",
        "",
        "gzip_static on;",
        "index index.html;",
        f"error_page 404 {base}404.html;",
        "",
        *(f"location = {base}{name} {{ return 404; }}" for name in hidden),
        "",
        "# Names that carry a hash of their content: a new version is a new name, kept for a year.",
        f'location ~ "{hashed_location(base)}" {{',
        *_headers(IMMUTABLE),
        "}",
        "",
        "# Everything else is asked for again on every use: 304 Not Modified when unchanged.",
        f"location {base} {{",
        *_headers(REVALIDATE),
        "}",
    ]
    return "\n".join(lines) + "\n"
