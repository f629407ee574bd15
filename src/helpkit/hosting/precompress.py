"""Pre-compressed copies (`index.html.gz` beside `index.html`) for hosts that serve them: GitLab
Pages does on its own, nginx with `gzip_static on`. Made once at build time at gzip's highest
level, which a server compressing on the fly for every request does not spend.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

# Text the browser asks for. Images other than SVG, fonts and zips are compressed already.
TYPES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv"})
# Below about a kilobyte a response fits in a packet or two whether compressed or not.
MIN_SIZE = 1024


@dataclass(frozen=True)
class Compressed:
    path: str  # below the site's root
    size: int
    compressed: int


def gzipped(data: bytes) -> bytes:
    """gzip at level 9 with no time or name in its header: the same bytes from every build."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def worth_compressing(path: str, *, size: int) -> bool:
    return Path(path).suffix in TYPES and size > MIN_SIZE


def precompress(site: Path) -> list[Compressed]:
    """Write a .gz copy beside every text file of the site worth compressing (one already there,
    such as MkDocs' sitemap.xml.gz, is made anew); returns what was written."""
    written = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or not worth_compressing(relative, size=path.stat().st_size):
            continue
        data = path.read_bytes()
        packed = gzipped(data)
        if len(packed) >= len(data):
            continue
        path.with_name(path.name + ".gz").write_bytes(packed)
        written.append(Compressed(relative, len(data), len(packed)))
    return written
