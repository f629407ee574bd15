"""Lighthouse mobile scores of a page, with npm's `lighthouse` pinned in bench/node/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
    "total-byte-weight",
)
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"


def lighthouse_cli(bench: Path) -> Path:
    return bench / "node" / "node_modules" / "lighthouse" / "cli" / "index.js"


def lighthouse_version(bench: Path) -> str:
    package = lighthouse_cli(bench).parent.parent / "package.json"
    try:
        return str(json.loads(package.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return ""


def run_lighthouse(bench: Path, url: str, chrome: str, timeout: float = 240) -> dict[str, Any]:
    """Scores (0-100), key metrics and the audits that cost points; `error` instead when it failed."""
    cli = lighthouse_cli(bench)
    node = shutil.which("node")
    if not node or not cli.is_file():
        return {"url": url, "error": f"lighthouse not installed: run `npm ci --prefix {cli.parents[3]}` (needs node)"}
    with tempfile.TemporaryDirectory(prefix="bench-lh-") as folder:
        report = Path(folder) / "report.json"
        command = [
            node, str(cli), url, "--output=json", f"--output-path={report}", "--quiet",
            f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile",
        ]  # fmt: skip
        env = {**os.environ, "CHROME_PATH": chrome}
        try:
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return {"url": url, "error": f"lighthouse did not finish within {timeout:.0f} s"}
        if done.returncode != 0 or not report.is_file():
            return {"url": url, "error": f"lighthouse exited {done.returncode}: {_tail(done.stderr or done.stdout)}"}
        return summarise(json.loads(report.read_text(encoding="utf-8")), url)


def _tail(text: str, lines: int = 12) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def summarise(result: dict[str, Any], url: str) -> dict[str, Any]:
    audits = result.get("audits", {})
    summary: dict[str, Any] = {
        "url": url,
        "scores": {name: _score(result["categories"].get(name, {})) for name in CATEGORIES},
        "metrics": {name: _metric(audits.get(name, {})) for name in METRICS},
        "losing_points": _losing_points(result),
        "render_blocking": _render_blocking(audits),
        "lighthouse": result.get("lighthouseVersion", ""),
    }
    runtime_error = result.get("runtimeError")
    if runtime_error:
        summary["error"] = f"{runtime_error.get('code')}: {runtime_error.get('message')}"
    return summary


def _score(category: dict[str, Any]) -> int | None:
    score = category.get("score")
    return None if score is None else round(score * 100)


def _metric(audit: dict[str, Any]) -> dict[str, Any]:
    return {"value": audit.get("numericValue"), "display": audit.get("displayValue", "")}


def _losing_points(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Weighted audits scoring under 1: what to fix to reach 100."""
    losing = []
    for name, category in result["categories"].items():
        for reference in category.get("auditRefs", []):
            audit = result["audits"].get(reference["id"], {})
            score = audit.get("score")
            if reference.get("weight", 0) > 0 and score is not None and score < 1:
                losing.append(
                    {
                        "category": name,
                        "audit": reference["id"],
                        "title": audit.get("title", ""),
                        "score": score,
                        "display": audit.get("displayValue", ""),
                        "where": _where(audit),
                    }
                )
    return losing


def _where(audit: dict[str, Any], count: int = 3) -> list[str]:
    """The elements an audit blames (CSS selectors), so that a failure can be found in the page."""
    items = (audit.get("details") or {}).get("items") or []
    nodes = [item.get("node") for item in items if isinstance(item, dict)]
    return [str(node.get("selector", "")) for node in nodes if isinstance(node, dict)][:count]


def _render_blocking(audits: dict[str, Any]) -> list[dict[str, Any]]:
    """Requests that hold back the first paint: each is a round trip on a slow connection."""
    items = (audits.get("render-blocking-resources", {}).get("details") or {}).get("items") or []
    return [
        {"url": urlsplit(item["url"]).path, "bytes": item.get("totalBytes", 0), "wasted_ms": item.get("wastedMs", 0)}
        for item in items
    ]
