"""Where a build's time goes, from one cProfile run, grouped by who owns the code.

Cumulative time alone cannot answer that here: static-i18n runs the builds of every other language
from inside its own on_post_build, so everything is "under" static-i18n. Each function's own time
(tottime) is therefore given to the component whose file it is in; time spent in the standard library
and in C built-ins (re, str methods, json...) goes to the component that called it.
"""

from __future__ import annotations

import pstats
from collections import defaultdict
from pathlib import Path
from typing import Any

Func = tuple[str, int, str]

# Matched in order against the function's file path.
_OWNERS = (
    ("static-i18n", "/mkdocs_static_i18n/"),
    ("Material", "/material/"),
    ("Markdown", "/markdown/"),
    ("Markdown", "/pymdownx/"),
    ("Jinja2 templates", "/jinja2/"),
    ("MkDocs core", "/mkdocs/"),
    ("YAML", "/yaml/"),
    ("Babel", "/babel/"),
    ("phonenumbers", "/phonenumbers/"),
    ("other packages", "/site-packages/"),
)
_UNOWNED = "start-up and imports"
_MAX_DEPTH = 12
_ENTRY_POINT_SHARE = 0.8


class Profile:
    def __init__(self, stats_file: Path, hooks: Path) -> None:
        self.stats: dict[Func, Any] = pstats.Stats(str(stats_file)).stats  # type: ignore[attr-defined]
        self.hooks = str(hooks.resolve()) + "/"
        self.total = max((entry[3] for entry in self.stats.values()), default=0.0)
        self._shares: dict[Func, dict[str, float]] = {}

    def owner(self, func: Func) -> str | None:
        """The component a function belongs to; None for standard library and built-ins."""
        filename = func[0]
        if filename.startswith(self.hooks):
            return "our hooks"
        if filename.startswith("~") or "site-packages" not in filename:
            return None
        return next((name for name, marker in _OWNERS if marker in filename), "other packages")

    def shares(self, func: Func, depth: int = 0) -> dict[str, float]:
        """Fractions of this function's own time that each component is responsible for."""
        if func in self._shares:
            return self._shares[func]
        owner = self.owner(func)
        if owner or depth > _MAX_DEPTH:
            result = {owner or _UNOWNED: 1.0}
        else:
            self._shares[func] = {_UNOWNED: 1.0}  # breaks recursion cycles
            result = self._from_callers(func, depth)
        self._shares[func] = result
        return result

    def _from_callers(self, func: Func, depth: int) -> dict[str, float]:
        callers = self.stats[func][4]
        weights = {caller: max(entry[2], 1e-9) for caller, entry in callers.items() if caller in self.stats}
        total = sum(weights.values())
        if not total:
            return {_UNOWNED: 1.0}
        result: dict[str, float] = defaultdict(float)
        for caller, weight in weights.items():
            for component, share in self.shares(caller, depth + 1).items():
                result[component] += share * weight / total
        return dict(result)

    def by_component(self) -> dict[str, float]:
        """Seconds of the build per component; they add up to the profiled run's total."""
        seconds: dict[str, float] = defaultdict(float)
        for func, entry in self.stats.items():
            for component, share in self.shares(func).items():
                seconds[component] += entry[2] * share
        return dict(sorted(seconds.items(), key=lambda item: -item[1]))

    def top_cumulative(self, count: int = 25) -> list[dict[str, Any]]:
        """The functions with the most cumulative time, the build's own entry points left out."""
        rows = []
        for func, entry in self.stats.items():
            owner = self.owner(func)
            # Entry points (click, mkdocs' build(), static-i18n's on_post_build) hold nearly all of it.
            if owner is None or entry[3] > _ENTRY_POINT_SHARE * self.total:
                continue
            rows.append({"function": _name(func), "component": owner, "cumulative_s": entry[3], "own_s": entry[2]})
        rows.sort(key=lambda row: -row["cumulative_s"])
        return rows[:count]

    def hook_events(self) -> list[dict[str, Any]]:
        """Cumulative time of each of our hooks' event handlers (on_page_content, on_post_page...)."""
        rows = [
            {"function": _name(func), "calls": entry[1], "cumulative_s": entry[3], "mostly_in": self.callees(func)}
            for func, entry in self.stats.items()
            if func[0].startswith(self.hooks) and func[2].startswith("on_")
        ]
        return sorted(rows, key=lambda row: -row["cumulative_s"])

    def callees(self, func: Func, count: int = 3) -> list[dict[str, Any]]:
        """What a function spends its time in: the callees holding the most of its cumulative time."""
        spent = [(entry[4][func][3], callee) for callee, entry in self.stats.items() if func in entry[4]]
        spent.sort(key=lambda item: -item[0])
        return [{"function": _name(callee), "cumulative_s": seconds} for seconds, callee in spent[:count]]

    def cumulative_of(self, module: str, name: str) -> tuple[int, float]:
        """Calls and cumulative seconds of every function `name` in files ending with `module`."""
        found = [entry for func, entry in self.stats.items() if func[0].endswith(module) and func[2] == name]
        return sum(entry[1] for entry in found), sum(entry[3] for entry in found)

    def summary(self) -> dict[str, Any]:
        calls, compile_s = self.cumulative_of("jinja2/environment.py", "compile")
        return {
            "total_s": self.total,
            "by_component_s": self.by_component(),
            "top_cumulative": self.top_cumulative(),
            "hook_events": self.hook_events(),
            "jinja_compile": {"calls": calls, "cumulative_s": compile_s},
        }


def _name(func: Func) -> str:
    filename, line, name = func
    if filename.startswith("~"):
        return name
    parts = Path(filename).parts
    tail = "/".join(parts[parts.index("site-packages") + 1 :] if "site-packages" in parts else parts[-2:])
    return f"{tail}:{line}({name})"
