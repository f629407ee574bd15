"""An edition's own images (its logo, its favicon, pictures for its text blocks) under
`edition/assets/`, each published at the same path as under `docs/assets/`: a file there replaces
the kit's of that name, or adds one, without editing the kit's files."""

from __future__ import annotations

from pathlib import Path


def edition_assets(folder: Path) -> dict[str, Path]:
    """Each file under `folder` (edition/assets/), by the path it is published at (assets/...)."""
    if not folder.is_dir():
        return {}
    return {
        f"assets/{path.relative_to(folder).as_posix()}": path for path in sorted(folder.rglob("*")) if path.is_file()
    }
