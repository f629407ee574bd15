"""bench/report.md and the summary printed at the end, both from the results that go to report.json."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable
from typing import Any

from benchkit.targets import FAIL, HTML_LIMIT_GZIP, PASS
from benchkit.weights import CATEGORIES

Results = dict[str, Any]


def kb(size: float) -> str:
    return f"{size / 1024:.1f}"


def _page(path: str) -> str:
    return f"`/{path}`"


def _table(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> list[str]:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return [*lines, ""]


def _full(results: Results) -> tuple[str, str]:
    count = results["full_languages"]
    return f"site-{count}", f"baseline-{count}"


# --- sections -------------------------------------------------------------------------------------


def header(results: Results) -> list[str]:
    meta = results["meta"]
    packages = ", ".join(f"{name} {version}" for name, version in meta["packages"].items())
    dirty = " (plus uncommitted changes)" if meta["uncommitted_changes"] else ""
    return [
        "# Benchmark: Sextortion Help Kit against plain Material",
        "",
        f"Measured {meta['date']} on commit `{meta['commit']}`{dirty} by `bench/bench.py` "
        f"({meta['options']['runs']} run(s) per build, {meta['duration_s']:.0f} s in all).",
        f"Machine: {meta['machine']}. Python {meta['python']}; {packages}; Lighthouse {meta['lighthouse']}; "
        f"{meta['chromium']}; Node {meta['node']}.",
        f"Load average at start {meta['load_average_at_start']}, at end {meta.get('load_average_at_end', '?')}"
        + (" (other work was running: build times and Lighthouse performance are noisier)." if _busy(meta) else "."),
        "",
        "*site-N* is the real site built with N languages (`mkdocs build --strict`, hooks and overrides); "
        "*baseline-N* is the same Markdown with Material and static-i18n only. "
        "KB = 1024 bytes; *gzip* = each response body compressed at level 6 by the benchmark. "
        "`bench/README.md` explains every table.",
        "",
    ]


def _busy(meta: Results) -> bool:
    cpus = int(meta["machine"].split(",")[1].split()[0]) if "CPUs" in meta["machine"] else 1
    return max(meta["load_average_at_start"][0], meta.get("load_average_at_end", [0])[0]) > cpus / 2


def targets_section(results: Results) -> list[str]:
    rows = [(t["result"], t["name"], t["measured"], t["limit"]) for t in results["targets"]]
    lines = ["## Targets", "", *_table(("result", "target", "measured", "limit"), rows)]
    for target in results["targets"]:
        if target["details"]:
            lines += [f"**{target['result']}** {target['name']}:", ""]
            lines += [f"- {detail}" for detail in target["details"]]
            lines.append("")
    return lines


def builds_section(results: Results) -> list[str]:
    ratios = results["build_ratios"]
    rows = []
    for name, build in sorted(results["editions"].items(), key=lambda item: (item[1]["language_count"], item[0])):
        ratio = f"x{ratios[str(build['language_count'])]:.2f}" if build["kind"] == "site" else ""
        rows.append(
            (
                name,
                build["language_count"],
                ", ".join(f"{seconds:.2f}" for seconds in build["runs_s"]),
                f"**{build['median_s']:.2f}**",
                f"{min(build['runs_s']):.2f}",
                ratio,
                f"{build['peak_rss_mb']:.0f}",
                build["output_files"],
                f"{build['output_bytes'] / 1024 / 1024:.1f} MB",
            )
        )
    header = (
        "edition", "languages", "runs (s)", "median (s)", "fastest (s)", "site / baseline", "peak RSS (MB)", "files",
        "size",
    )  # fmt: skip
    return ["## Build time and memory", "", *_table(header, rows)]


def _total(weights: Results, edition: str, path: str, measure: str = "gzip", category: str = "total") -> str:
    page = weights.get(edition, {}).get(path)
    if not page:
        return "-"
    return kb(page["first_visit"][category][measure])


def _without_search(weights: Results, edition: str, path: str) -> str:
    page = weights.get(edition, {}).get(path)
    if not page or "first_visit_without_search" not in page:
        return "-"
    return kb(page["first_visit_without_search"]["total"]["gzip"])


def weights_section(results: Results) -> list[str]:
    weights = results["weights"]
    site, base = _full(results)
    compared = [name for name in (site, base, "site-2", "baseline-2") if name in weights]
    paths = list(weights.get(site, {}))
    rows = [(_page(path), *(_total(weights, name, path) for name in compared)) for path in paths]
    lines = [
        "## First-visit weight per page",
        "",
        "Everything the browser downloads when the page is opened with an empty cache (until the network is idle), "
        "in KB gzip. The search index counts when the page loads it without being asked.",
        "",
        *_table(("page", *compared), rows),
        "",
        "The same visits less what only search uses (its worker, lunr's language files and the index): "
        "the measure of the issue's figure for plain Material at 2 languages (about 61 KB gzip).",
        "",
        *_table(
            ("page", *compared),
            [(_page(path), *(_without_search(weights, name, path) for name in compared)) for path in paths],
        ),
    ]
    for name in (site, base):
        if name in weights:
            lines += [f"### By type: {name} (KB raw / gzip)", "", *_by_type(weights[name])]
    return lines


def _repeat(weights: Results, edition: str, path: str) -> str:
    visit = (weights.get(edition, {}).get(path) or {}).get("repeat_visit")
    if not visit:
        return "-"
    return f"{visit['requests']} req, {visit['not_modified']}×304, {visit['gzip']} B"


def _first_render(results: Results, edition: str, path: str) -> str:
    for page in results["lighthouse"].get(edition, []):
        if page.get("path") == path and "metrics" in page:
            return str(page["metrics"]["first-contentful-paint"]["display"])
    return "-"


def plain_section(results: Results) -> list[str]:
    """Ours beside plain Material without its search, at the same languages, in one run."""
    weights = results["weights"]
    site, _ = _full(results)
    plain = site.replace("site-", "plain-")
    if plain not in weights:
        return []
    rows = [
        (
            _page(path),
            _total(weights, site, path),
            _total(weights, plain, path),
            _repeat(weights, site, path),
            _repeat(weights, plain, path),
            _first_render(results, site, path),
            _first_render(results, plain, path),
        )
        for path in weights.get(site, {})
    ]
    return [
        f"## Ours beside plain Material without search ({site} and {plain})",
        "",
        "First visit: KB gzip with an empty cache. Repeat visit: the same page opened again with the cache "
        "of the first visit, each host's caching applied: ours from its `_headers`, plain Material's files "
        "revalidated (`no-cache`, as on GitHub Pages once its ten minutes have passed); requests, those "
        "answered 304, and the bytes of bodies sent. First render: Lighthouse's first contentful paint on "
        "its throttled mobile profile (slow 4G, 4× CPU).",
        "",
        *_table(
            (
                "page",
                f"first {site}",
                f"first {plain}",
                f"repeat {site}",
                f"repeat {plain}",
                f"first render {site}",
                f"first render {plain}",
            ),
            rows,
        ),
        "",
    ]


def _by_type(pages: Results) -> list[str]:
    rows = []
    for path, page in pages.items():
        visit = page["first_visit"]
        cells = [f"{kb(visit[c]['raw'])} / {kb(visit[c]['gzip'])}" if visit[c]["requests"] else "-" for c in CATEGORIES]
        total = visit["total"]
        rows.append((_page(path), *cells, f"**{kb(total['raw'])} / {kb(total['gzip'])}**", total["requests"]))
    return _table(("page", *CATEGORIES, "total", "requests"), rows)


def search_section(results: Results) -> list[str]:
    weights = results["weights"]
    site, base = _full(results)
    rows = []
    for path in weights.get(site, {}):
        row: list[str] = [_page(path)]
        for name in (site, base, "baseline-2"):
            index = weights.get(name, {}).get(path, {}).get("search_index")
            row.append(f"{index['loaded']}: {kb(index['raw'])} / {kb(index['gzip'])}" if index else "-")
        rows.append(row)
    return [
        "## Search index",
        "",
        "Which index the page loads, when, and its size (KB raw / gzip). The site loads its own language's "
        "index once search is opened (the search button is clicked); the baseline loads the merged index of "
        "every language with the page.",
        "",
        *_table(("page", f"{site}", f"{base}", "baseline-2"), rows),
    ]


def scale_section(results: Results) -> list[str]:
    builds, weights = results["editions"], results["weights"]
    counts = sorted({build["language_count"] for build in builds.values()})
    rows = []
    for count in counts:
        site, base = f"site-{count}", f"baseline-{count}"
        rows.append(
            (
                count,
                _seconds(builds, site),
                _seconds(builds, base),
                f"x{results['build_ratios'][str(count)]:.2f}" if str(count) in results["build_ratios"] else "-",
                _total(weights, site, ""),
                _total(weights, base, ""),
                _total(weights, site, "fr/threatened/stop/"),
                _total(weights, base, "fr/threatened/stop/"),
                _total(weights, site, "", category="html"),
                _total(weights, base, "", category="html"),
                _megabytes(builds, site),
                _megabytes(builds, base),
            )
        )
    header = (
        "languages", "site build (s)", "baseline build (s)", "ratio", "site `/` gzip", "baseline `/` gzip",
        "site `/fr/threatened/stop/`", "baseline `/fr/threatened/stop/`", "site `/` HTML gzip",
        "baseline `/` HTML gzip", "site output", "baseline output",
    )  # fmt: skip
    return [
        "## Growth with the number of languages",
        "",
        "Build time (median) and first-visit weight (KB gzip) as languages are added. Above the configured "
        "languages, the extra ones are copies of the French pages under other locales (synthetic).",
        "",
        *_table(header, rows),
    ]


def _seconds(builds: Results, name: str) -> str:
    return f"{builds[name]['median_s']:.2f}" if name in builds else "-"


def _megabytes(builds: Results, name: str) -> str:
    return f"{builds[name]['output_bytes'] / 1024 / 1024:.1f} MB" if name in builds else "-"


def html_section(results: Results) -> list[str]:
    sizes = results["html_sizes"]["files"]
    if not sizes:
        return []
    gzip_sizes = [size["gzip"] for size in sizes.values()]
    largest = sorted(sizes.items(), key=lambda item: -item[1]["gzip"])[:10]
    over = sum(size > HTML_LIMIT_GZIP for size in gzip_sizes)
    return [
        f"## HTML size ({results['html_sizes']['edition']}, every HTML file)",
        "",
        f"{len(sizes)} files; gzip: median {kb(statistics.median(gzip_sizes))} KB, max {kb(max(gzip_sizes))} KB; "
        f"{over} over {kb(HTML_LIMIT_GZIP)} KB. The ten largest:",
        "",
        *_table(("file", "raw KB", "gzip KB"), ((f"`{p}`", kb(s["raw"]), kb(s["gzip"])) for p, s in largest)),
    ]


def lighthouse_section(results: Results) -> list[str]:
    runs = results["lighthouse"]
    if not runs:
        return ["## Lighthouse", "", "Not run (`--no-lighthouse`).", ""]
    rows, losing, errors = [], [], []
    for edition, pages in runs.items():
        for page in pages:
            if "scores" not in page:
                errors.append(f"- {edition} {_page(page['path'])}: {page.get('error', '')}")
                continue
            scores, metrics = page["scores"], page["metrics"]
            rows.append(
                (
                    edition,
                    _page(page["path"]),
                    *(scores[name] for name in ("performance", "accessibility", "best-practices", "seo")),
                    *(metrics[name]["display"] for name in ("first-contentful-paint", "largest-contentful-paint")),
                    metrics["total-blocking-time"]["display"],
                    metrics["cumulative-layout-shift"]["display"],
                    f"{kb(metrics['total-byte-weight']['value'] or 0)} KB",
                    _performance_runs(page),
                )
            )
            losing += [_losing_line(edition, page["path"], item) for item in page["losing_points"]]
            if page.get("error"):
                errors.append(f"- {edition} {_page(page['path'])}: {page['error']}")
    header = (
        "edition",
        "page",
        "perf.",
        "a11y",
        "best pr.",
        "SEO",
        "FCP",
        "LCP",
        "TBT",
        "CLS",
        "bytes",
        "perf. per run",
    )
    lines = [
        "## Lighthouse (mobile)",
        "",
        "Lighthouse's default mobile run (simulated slow 4G and a 4x slower CPU) against a local http.server "
        + (
            "that gzips what it sends, as static hosts do (`--lighthouse-uncompressed` turns that off). "
            if results["meta"]["options"].get("lighthouse_gzip")
            else "that does not compress (`--lighthouse-uncompressed`): *bytes* and load times are those of an "
            "uncompressed host. "
        )
        + "For several runs, the run with the median performance score is shown.",
        "",
        *_table(header, rows),
    ]
    if losing:
        lines += ["Audits that cost points:", "", *losing, ""]
    if errors:
        lines += ["Errors:", "", *errors, ""]
    return lines


def _profiles(results: Results) -> tuple[Results, Results] | None:
    profile = results["profile"]
    if profile.get("skipped"):
        return None
    return profile["editions"][profile["site"]], profile["editions"][profile["baseline"]]


def _losing_line(edition: str, path: str, item: Results) -> str:
    display = f", {item['display']}" if item["display"] else ""
    where = f"; on {', '.join(f'`{selector}`' for selector in item['where'])}" if item.get("where") else ""
    title = f"`{item['audit']}` {item['title']}"
    return f"- {edition} {_page(path)}: {item['category']}: {title} (score {item['score']}{display}{where})"


def _performance_runs(page: Results) -> str:
    runs = page.get("all_runs") or []
    return " / ".join(str(run["performance"]) if isinstance(run, dict) else "error" for run in runs)


def profile_section(results: Results) -> list[str]:
    profiles = _profiles(results)
    if not profiles:
        return ["## Where the build time goes", "", "Not profiled (`--no-profile` or `--quick`).", ""]
    site, base = profiles
    names = results["profile"]["site"], results["profile"]["baseline"]
    medians = [results["editions"][name]["median_s"] for name in names]
    return [
        "## Where the build time goes",
        "",
        f"One build each of {names[0]} and {names[1]} under cProfile: {site['total_s']:.1f} s and "
        f"{base['total_s']:.1f} s (unprofiled medians {medians[0]:.2f} s and {medians[1]:.2f} s; cProfile slows "
        "Python code more than C code, so read shares, not seconds). Each function's own time goes to the package "
        "that holds it; time in the standard library and built-ins goes to the package that called it.",
        "",
        *_table(("component", names[0], "share", names[1], "share", "difference (s)"), _component_rows(site, base)),
        f"Our hooks' event handlers in {names[0]} (cumulative, all languages):",
        "",
        *_table(("handler", "calls", "seconds", "mostly in"), (_hook_row(row) for row in site["hook_events"][:10])),
        f"Functions with the most cumulative time in {names[0]} (entry points holding over 80% left out):",
        "",
        *_table(
            ("function", "component", "cumulative (s)", "own (s)"),
            (
                (f"`{row['function']}`", row["component"], f"{row['cumulative_s']:.2f}", f"{row['own_s']:.2f}")
                for row in site["top_cumulative"][:15]
            ),
        ),
    ]


def _hook_row(row: Results) -> tuple[str, ...]:
    inside = ", ".join(f"`{callee['function']}` {callee['cumulative_s']:.2f} s" for callee in row["mostly_in"][:2])
    return (f"`{row['function']}`", str(row["calls"]), f"{row['cumulative_s']:.2f}", inside)


def _component_rows(site: Results, base: Results) -> list[tuple[str, ...]]:
    site_parts, base_parts = site["by_component_s"], base["by_component_s"]
    rows = []
    for name in dict.fromkeys([*site_parts, *base_parts]):
        mine, theirs = site_parts.get(name, 0.0), base_parts.get(name, 0.0)
        rows.append(
            (
                name,
                f"{mine:.2f}",
                f"{mine / site['total_s']:.0%}",
                f"{theirs:.2f}",
                f"{theirs / base['total_s']:.0%}",
                f"{mine - theirs:+.2f}",
            )
        )
    return rows


# --- notes ----------------------------------------------------------------------------------------


def notes(results: Results) -> list[str]:
    found: list[str] = []
    for note in (
        _note_heaviest,
        _note_search_worker,
        _note_failed_requests,
        _note_html_growth,
        _note_html_offenders,
        _note_render_blocking,
        _note_build_time,
        _note_templates,
        _note_scale,
    ):
        text = note(results)
        if text:
            found.append(text)
    return found


def _home(results: Results, edition: str) -> Results | None:
    return results["weights"].get(edition, {}).get("")


def _note_heaviest(results: Results) -> str:
    site, base = _full(results)
    home, plain = _home(results, site), _home(results, base)
    if not home or not plain:
        return ""
    heaviest = sorted(home["responses"], key=lambda response: -response["gzip"])[:4]
    listed = ", ".join(f"`{r['url']}` {kb(r['gzip'])} KB" for r in heaviest)
    total = home["first_visit"]["total"]["gzip"]
    share = sum(r["gzip"] for r in heaviest) / total if total else 0

    def code(page: Results) -> int:
        return sum(page["first_visit"][category]["gzip"] for category in ("css", "js"))

    return (
        f"Weight: the home page's first visit is {kb(total)} KB gzip; {share:.0%} of it is four files: {listed}. "
        f"Its CSS and JavaScript are {kb(code(home))} KB gzip against the baseline's {kb(code(plain))} KB; "
        f"its HTML {kb(home['first_visit']['html']['gzip'])} KB against {kb(plain['first_visit']['html']['gzip'])} KB."
    )


def _note_search_worker(results: Results) -> str:
    site, _ = _full(results)
    home = _home(results, site)
    if not home:
        return ""
    worker = [r for r in home["responses"] if "/workers/search" in r["url"]]
    if not worker:
        return ""
    return (
        f"The search worker (`{worker[0]['url']}`, {kb(worker[0]['gzip'])} KB gzip) is still downloaded on every "
        "first visit, although the index waits until search is opened: Material starts the worker when the page "
        "loads. Holding the worker back as well (in lazy-search.js) would take it off every first visit."
    )


def _note_failed_requests(results: Results) -> str:
    counts = {}
    for edition, pages in results["weights"].items():
        failed = [request for page in pages.values() for request in page["failed_requests"]]
        if failed:
            counts[edition] = (len(failed), failed[0])
    if not counts:
        return "No page of any edition made a failed request (404) or tried to reach another website."
    listed = "; ".join(f"{name}: {count} (e.g. {example})" for name, (count, example) in counts.items())
    return f"Failed requests during first visits: {listed}."


def _note_html_growth(results: Results) -> str:
    site, _ = _full(results)
    small, large = results["weights"].get("site-2", {}), results["weights"].get(site, {})
    if "" not in small or "" not in large:
        return ""
    added = results["full_languages"] - 2
    grown = large[""]["first_visit"]["html"]["gzip"] - small[""]["first_visit"]["html"]["gzip"]
    return (
        f"HTML grows with languages: the home page's HTML is {grown} B gzip larger at {results['full_languages']} "
        f"languages than at 2 (about {grown / max(added, 1):.0f} B per language: the language switcher's entries)."
    )


def _note_html_offenders(results: Results) -> str:
    languages = set(results["editions"].get(_full(results)[0], {}).get("languages", []))
    pages: dict[str, list[int]] = {}
    for path, size in results["html_sizes"]["files"].items():
        if size["gzip"] > HTML_LIMIT_GZIP:
            first, _, rest = path.partition("/")
            pages.setdefault(rest if first in languages else path, []).append(size["gzip"])
    if not pages:
        return ""
    listed = "; ".join(
        f"`{page}` in {len(sizes)} language(s), {kb(min(sizes))}-{kb(max(sizes))} KB gzip"
        for page, sizes in pages.items()
    )
    return f"HTML over {kb(HTML_LIMIT_GZIP)} KB gzip: {listed}."


def _note_render_blocking(results: Results) -> str:
    site, _ = _full(results)
    pages = results["lighthouse"].get(site) or []
    home = next((page for page in pages if page.get("path") == "" and "metrics" in page), None)
    if not home or not home.get("render_blocking"):
        return ""
    listed = ", ".join(f"`{item['url']}` ({kb(item['bytes'])} KB)" for item in home["render_blocking"])
    return (
        f"First paint: Lighthouse counts {len(home['render_blocking'])} requests that hold back the home page's first "
        f"paint (FCP {home['metrics']['first-contentful-paint']['display']}): {listed}. Each is a round trip on a "
        "slow connection; the small ones could be merged into one file or inlined (the build already hashes inline "
        "scripts for the Content-Security-Policy; inline styles would need the same)."
    )


def _note_build_time(results: Results) -> str:
    profiles = _profiles(results)
    if not profiles:
        return ""
    site, base = profiles
    extra = site["total_s"] - base["total_s"]
    differences = {
        name: seconds - base["by_component_s"].get(name, 0.0) for name, seconds in site["by_component_s"].items()
    }
    biggest = sorted(differences.items(), key=lambda item: -item[1])[:4]
    listed = ", ".join(f"{name} {seconds / extra:.0%}" for name, seconds in biggest if seconds > 0)
    ratio = results["build_ratios"].get(str(results["full_languages"]), 0.0)
    text = (
        f"Build time: the site takes x{ratio:.2f} the baseline's time. Of the {extra:.1f} s the profiled site build "
        f"spends beyond the baseline's: {listed}"
    )
    if site["hook_events"]:
        top = site["hook_events"][0]
        text += f". The costliest hook handler is `{top['function']}`: {top['cumulative_s']:.2f} s"
        text += f" over {top['calls']} calls"
        if top["mostly_in"]:
            inside = top["mostly_in"][0]
            text += f", {inside['cumulative_s']:.2f} s of it in `{inside['function']}`"
    return text + "."


def _note_templates(results: Results) -> str:
    profiles = _profiles(results)
    if not profiles or not profiles[0]["jinja_compile"]["calls"]:
        return ""
    site, base = profiles
    compiled = site["jinja_compile"]
    return (
        f"Jinja2 compiles templates {compiled['calls']} times in the site build ({base['jinja_compile']['calls']} in "
        f"the baseline's), {compiled['cumulative_s'] / site['total_s']:.0%} of the profiled build: MkDocs makes a "
        "new template environment for each language static-i18n builds, so every template is compiled again per "
        "language. A Jinja2 bytecode cache shared across languages (set in an `on_env` hook) would compile each once."
    )


def _note_scale(results: Results) -> str:
    builds = results["editions"]
    counts = sorted({b["language_count"] for b in builds.values() if b["language_count"] >= 2})
    if len(counts) < 3:
        return ""
    parts = []
    for kind in ("site", "baseline"):
        steps = []
        for low, high in itertools.pairwise(counts):
            per = (builds[f"{kind}-{high}"]["median_s"] - builds[f"{kind}-{low}"]["median_s"]) / (high - low)
            steps.append(f"{per:.2f} s/language from {low} to {high}")
        parts.append(f"{kind}: " + ", ".join(steps))
    return "Each added language costs " + "; ".join(parts) + " (growing cost per language means superlinear builds)."


def notes_section(results: Results) -> list[str]:
    return ["## Notes", "", *(f"- {note}" for note in notes(results)), ""]


def render_markdown(results: Results) -> str:
    sections = (
        header,
        targets_section,
        builds_section,
        weights_section,
        plain_section,
        search_section,
        scale_section,
        html_section,
        lighthouse_section,
        profile_section,
        notes_section,
    )
    lines = [line for section in sections for line in section(results)]
    return "\n".join(lines).rstrip() + "\n"


# --- stdout ---------------------------------------------------------------------------------------


def summary_lines(results: Results) -> list[str]:
    site, base = _full(results)
    builds, weights = results["editions"], results["weights"]
    ratio = results["build_ratios"][str(results["full_languages"])]
    lines = [
        f"build: {site} {builds[site]['median_s']:.2f} s, {base} {builds[base]['median_s']:.2f} s (x{ratio:.2f}); "
        f"site-1 {builds['site-1']['median_s']:.2f} s; "
        f"peak RSS {builds[site]['peak_rss_mb']:.0f} MB vs {builds[base]['peak_rss_mb']:.0f} MB",
    ]
    for path in ("", "threatened/stop/", "ar/"):
        lines.append(
            f"first visit /{path}: {site} {_total(weights, site, path)} KB gzip, {base} {_total(weights, base, path)}, "
            f"baseline-2 {_total(weights, 'baseline-2', path)}"
        )
    sizes = results["html_sizes"]["files"]
    if sizes:
        path, size = max(sizes.items(), key=lambda item: item[1]["gzip"])
        lines.append(f"largest HTML: {path} {kb(size['gzip'])} KB gzip")
    for page in results["lighthouse"].get(site, []):
        shown = "/".join(str(v) for v in page["scores"].values()) if "scores" in page else page.get("error", "")
        lines.append(f"lighthouse /{page['path']}: {shown}")
    passed = sum(t["result"] == PASS for t in results["targets"])
    lines.append(f"targets: {passed}/{len(results['targets'])} pass")
    lines += [f"  FAIL {t['name']}: {t['measured']}" for t in results["targets"] if t["result"] == FAIL]
    return lines
