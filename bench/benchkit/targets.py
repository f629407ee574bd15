"""The issue's targets, checked against the measured numbers. Checked and reported, never asserted:
a benchmark that fails a target has still done its job."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

HTML_LIMIT_GZIP = 14 * 1024  # the first round trip of TCP slow start (10 segments) holds about 14 KB
BUILD_RATIO_LIMIT = 1.2
ONE_LANGUAGE_LIMIT_S = 5.0
PERFORMANCE_MIN = 98
OTHER_SCORES_MIN = 100
PASS, FAIL, NOT_MEASURED = "PASS", "FAIL", "N/A"


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    limit: str
    result: str
    details: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "details": list(self.details)}


def _verdict(ok: bool) -> str:
    return PASS if ok else FAIL


def _kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def _gzip_total(weight: dict[str, Any]) -> int:
    return int(weight["first_visit"]["total"]["gzip"])


def weight_vs_baseline(weights: dict[str, dict[str, Any]], site: str, baseline: str) -> Target:
    """Every page's first-visit bytes (gzip) at most the same page's in the baseline."""
    site_pages, base_pages = weights.get(site, {}), weights.get(baseline, {})
    if not site_pages or not base_pages:
        return Target(f"first-visit weight ({site}) <= {baseline}", "not measured", "<= baseline", NOT_MEASURED)
    heaviest = max(_gzip_total(page) for page in base_pages.values())
    details, worst_ratio, ok = [], 0.0, True
    for path, page in site_pages.items():
        reference = _gzip_total(base_pages[path]) if path in base_pages else heaviest
        label = "same page" if path in base_pages else f"heaviest {baseline} page: it has no /{path}"
        ratio = _gzip_total(page) / reference
        worst_ratio = max(worst_ratio, ratio)
        ok = ok and ratio <= 1
        details.append(f"/{path}: {_kb(_gzip_total(page))} vs {_kb(reference)} ({label}): x{ratio:.2f}")
    return Target(
        f"first-visit weight of every page ({site}) <= {baseline}, gzip",
        f"worst x{worst_ratio:.2f}",
        "<= x1.00",
        _verdict(ok),
        tuple(details),
    )


def repeat_visit(weights: dict[str, dict[str, Any]], site: str) -> Target:
    """A returning reader's browser asks only for what may have changed (the page, its images),
    is answered 304 for each, and asks for no stylesheet or script."""
    pages = weights.get(site, {})
    visits = {path: page.get("repeat_visit") for path, page in pages.items() if page.get("repeat_visit")}
    if not visits:
        return Target(f"repeat visit ({site})", "not measured", "only 304, no CSS or JS", NOT_MEASURED)
    details, ok = [], True
    for path, visit in visits.items():
        asked = [(answer[0], answer[1]) for answer in visit["answered"]]
        scripts = [name for name, _ in asked if name.endswith((".css", ".js"))]
        fresh = [name for name, status in asked if status != 304]
        ok = ok and visit["requests"] > 0 and not scripts and not fresh
        details.append(
            f"/{path}: {visit['requests']} requests, {visit['not_modified']} answered 304, {visit['gzip']} B of bodies"
            + (f"; CSS/JS asked: {', '.join(scripts)}" if scripts else "")
            + (f"; sent again: {', '.join(fresh)}" if fresh else "")
        )
    return Target(
        f"repeat visit of every page ({site}): only revalidations, no CSS or JS",
        f"{max(v['requests'] for v in visits.values())} requests at most",
        "all 304, no CSS/JS",
        _verdict(ok),
        tuple(details),
    )


def _non_html(weight: dict[str, Any]) -> int:
    visit = weight["first_visit"]
    return int(visit["total"]["raw"]) - int(visit["html"]["raw"])


def independent_of_languages(weights: dict[str, dict[str, Any]], fewer: str, more: str) -> Target:
    """Non-HTML bytes of each page identical whatever the number of languages; HTML growth shown."""
    small, large = weights.get(fewer, {}), weights.get(more, {})
    common = [path for path in large if path in small]
    if not common:
        return Target(f"page weight independent of languages ({fewer} vs {more})", "not measured", "", NOT_MEASURED)
    details, ok, growth = [], True, []
    for path in common:
        same = _non_html(small[path]) == _non_html(large[path])
        ok = ok and same
        html_small = small[path]["first_visit"]["html"]["gzip"]
        html_large = large[path]["first_visit"]["html"]["gzip"]
        growth.append(html_large - html_small)
        details.append(
            f"/{path}: non-HTML {_non_html(small[path])} -> {_non_html(large[path])} B "
            f"({'identical' if same else 'DIFFERENT'}); HTML gzip {html_small} -> {html_large} B "
            f"({html_large - html_small:+d} B)"
        )
    return Target(
        f"page weight independent of languages ({fewer} vs {more}): non-HTML bytes identical",
        f"HTML gzip growth {min(growth):+d}..{max(growth):+d} B",
        "non-HTML identical",
        _verdict(ok),
        tuple(details),
    )


def html_size(sizes: dict[str, dict[str, int]], edition: str) -> Target:
    if not sizes:
        return Target("every HTML page <= 14 KB gzip", "not measured", _kb(HTML_LIMIT_GZIP), NOT_MEASURED)
    offenders = sorted(
        ((size["gzip"], path) for path, size in sizes.items() if size["gzip"] > HTML_LIMIT_GZIP), reverse=True
    )
    largest = max(sizes.items(), key=lambda item: item[1]["gzip"])
    return Target(
        f"every HTML page of {edition} <= 14 KB gzip ({len(sizes)} files)",
        f"max {_kb(largest[1]['gzip'])} ({largest[0]}); {len(offenders)} over",
        f"<= {_kb(HTML_LIMIT_GZIP)}",
        _verdict(not offenders),
        tuple(f"{path}: {_kb(size)}" for size, path in offenders),
    )


def lighthouse(results: list[dict[str, Any]]) -> Target:
    name = f"Lighthouse mobile: performance >= {PERFORMANCE_MIN}, accessibility/best-practices/SEO = 100"
    if not results:
        return Target(name, "not run", "", NOT_MEASURED)
    details, passed = [], 0
    for result in results:
        page = "/" + str(result.get("path", result["url"]))
        if "scores" not in result or result.get("error"):
            details.append(f"{page}: ERROR {result.get('error', '')}".strip())
            continue
        scores = result["scores"]
        page_ok = all(
            scores[category] is not None
            and scores[category] >= (PERFORMANCE_MIN if category == "performance" else OTHER_SCORES_MIN)
            for category in scores
        )
        passed += page_ok
        shown = " / ".join(str(scores[category]) for category in scores)
        details.append(f"{page}: {shown} {'on target' if page_ok else 'below target'}")
    measured = f"{passed}/{len(results)} pages on target"
    return Target(name, measured, "all pages", _verdict(passed == len(results)), tuple(details))


def build_ratio(builds: dict[str, dict[str, Any]], site: str, baseline: str) -> Target:
    if site not in builds or baseline not in builds:
        return Target(f"build time {site} <= 1.2 x {baseline}", "not measured", "", NOT_MEASURED)
    ratio = builds[site]["median_s"] / builds[baseline]["median_s"]
    return Target(
        f"full build time ({site}) <= {BUILD_RATIO_LIMIT} x baseline ({baseline})",
        f"{builds[site]['median_s']:.2f} s / {builds[baseline]['median_s']:.2f} s = x{ratio:.2f}",
        f"<= x{BUILD_RATIO_LIMIT}",
        _verdict(ratio <= BUILD_RATIO_LIMIT),
    )


def one_language(builds: dict[str, dict[str, Any]], edition: str) -> Target:
    if edition not in builds:
        return Target("one-language build <= 5 s", "not measured", "", NOT_MEASURED)
    seconds = builds[edition]["median_s"]
    return Target(
        f"one-language build ({edition}) takes a few seconds",
        f"{seconds:.2f} s",
        f"<= {ONE_LANGUAGE_LIMIT_S:.0f} s",
        _verdict(seconds <= ONE_LANGUAGE_LIMIT_S),
    )
