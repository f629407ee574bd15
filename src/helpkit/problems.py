"""The one kind of error an input raises: every problem found in it, listed under a count.

A CSV file, a strings file, the edition settings, the pages: people fix them in one pass, so each
check collects every problem and raises once, and every message reads the same way.
"""

from __future__ import annotations

from collections.abc import Iterable


def counted(count: int, where: str) -> str:
    """'1 problem in X' or '3 problems in X'."""
    return f"{count} problem{'' if count == 1 else 's'} in {where}"


class ProblemsError(ValueError):
    """Every problem found in one input (`where`); `problems` lists them, one line each."""

    def __init__(self, where: str, problems: Iterable[object]) -> None:
        self.where = where
        self.problems = tuple(problems)
        super().__init__(where, self.problems)

    def __str__(self) -> str:
        return "\n".join([counted(len(self.problems), self.where) + ":", *(str(item) for item in self.problems)])
