"""Tables of the figures: goals with PASS/FAIL, raw medians, growth with size."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

START, END = "<!-- bench:start -->", "<!-- bench:end -->"


@dataclass(frozen=True)
class Goal:
    """One judged figure: ``value`` must be at most ``limit`` (None: shown only)."""

    number: str
    measure: str
    size: str
    subject: str  # what kunderejse took, as text
    baseline: str  # what the baseline took, as text
    value: float
    limit: float | None
    unit: str = "x"  # "x" for ratios, "ms", "MB"

    @property
    def verdict(self) -> str:
        if self.limit is None or math.isnan(self.value):
            return "-" if self.limit is None else "n/a"
        return "PASS" if self.value <= self.limit else "FAIL"

    def shown_value(self) -> str:
        if math.isnan(self.value):
            return "n/a"
        if self.unit == "x":
            return f"{self.value:.2f}x"
        return f"{self.value:.1f} {self.unit}"

    def shown_limit(self) -> str:
        if self.limit is None:
            return ""
        return f"≤ {self.limit:g}x" if self.unit == "x" else f"≤ {self.limit:g} {self.unit}"


@dataclass(frozen=True)
class Figure:
    """The medians of one measured command on one size."""

    size: str
    name: str
    wall: float
    cpu: float
    maxrss_mb: float
    runs: int


def seconds(value: float) -> str:
    if math.isnan(value):
        return "n/a"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    """A GitHub table; ``align`` is one letter (l/r) per column."""
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)
    ]
    spec = align or "l" * len(header)

    def line(cells: Sequence[str]) -> str:
        out = []
        for cell, width, a in zip(cells, widths, spec, strict=True):
            out.append(cell.rjust(width) if a == "r" else cell.ljust(width))
        return "| " + " | ".join(out) + " |"

    rule = (
        "|"
        + "|".join(
            ("-" * (w + 1) + ":") if a == "r" else ("-" * (w + 2))
            for w, a in zip(widths, spec, strict=True)
        )
        + "|"
    )
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


def goals_table(goals: Sequence[Goal]) -> str:
    rows = [
        [
            g.number,
            g.measure,
            g.size,
            g.subject,
            g.baseline,
            g.shown_value(),
            g.shown_limit(),
            g.verdict,
        ]
        for g in goals
    ]
    return markdown_table(
        ["#", "measure", "size", "kunderejse", "baseline", "ratio / value", "goal", "result"],
        rows,
        "lllrrrll",
    )


def figures_table(figures: Sequence[Figure]) -> str:
    rows = [
        [
            f.size,
            f.name,
            seconds(f.wall),
            "" if math.isnan(f.cpu) else seconds(f.cpu),
            "" if math.isnan(f.maxrss_mb) else f"{f.maxrss_mb:.0f} MB",
            str(f.runs),
        ]
        for f in figures
    ]
    return markdown_table(
        ["size", "command", "wall (median)", "CPU (median)", "peak RSS", "runs"], rows, "llrrrr"
    )


def growth_table(rows: Sequence[tuple[str, float, float, float]]) -> str:
    """(what, wall huge/large, CPU huge/large, bytes huge/large) per row.

    CPU time is the fairer figure across sizes: large and huge run in separate
    groups, minutes apart, and the machine's load may differ in between.
    """

    def ratio(value: float) -> str:
        return "" if math.isnan(value) else f"{value:.2f}x"

    shown = []
    for what, wall, cpu, size in rows:
        if math.isnan(size) or (math.isnan(wall) and math.isnan(cpu)):
            continue
        per_byte = (cpu if not math.isnan(cpu) else wall) / size
        shown.append([what, ratio(cpu), ratio(wall), ratio(size), f"{per_byte:.2f}"])
    return markdown_table(
        ["command", "CPU huge/large", "wall huge/large", "bytes huge/large", "time per byte"],
        shown,
        "lrrrr",
    )


def update_readme(readme: Path, section: str) -> bool:
    """Replace the text between the bench markers; False when the markers are missing."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        return False
    new = text[: start + len(START)] + "\n" + section.rstrip("\n") + "\n" + text[end:]
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return True
