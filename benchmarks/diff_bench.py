"""Goal 6: "show the difference" (the recovery and "changed on disk" dialogs) on a
big journey, against the work any difference must do: reading the journey and
writing both versions as text.

Each case is a child process that reads the journey, changes its first
touchpoint's name and its last answer's text (the two ends of the file, the
worst case for cutting off the common start and end), and then either only
dumps both versions (the baseline) or shows their difference. On large the
old way, difflib over both whole texts, is measured too, as the figure before.
"""

from __future__ import annotations

from benchmarks.proc import PYTHON, Case
from benchmarks.sizes import Journey

DIFF_BASELINE = "dump both versions (baseline)"
DIFF = "show the difference"
DIFF_DIFFLIB = "difference with difflib on whole texts (before)"

_CODE = """
import copy, difflib, sys
from kunderejse_tui.journey.dump import dump
from kunderejse_tui.journey.yamlio import load_file
from kunderejse_tui.tui.screens.recovery import difference
old = load_file(sys.argv[1]).data
new = copy.deepcopy(old)
new["stages"][0]["touchpoints"][0]["name"] = "Changed first"
new["interviews"][-1]["answers"][-1]["text"] = "Changed last"
how = sys.argv[2]
if how == "dump":
    dump(old); dump(new)
elif how == "diff":
    assert "Changed last" in difference(old, new, "")
else:
    lines = difflib.unified_diff(dump(old).splitlines(), dump(new).splitlines(), lineterm="", n=2)
    assert any("Changed last" in line for line in lines)
"""


def cases(journey: Journey) -> list[Case]:
    f = str(journey.path)
    out = [
        Case(DIFF_BASELINE, (PYTHON, "-c", _CODE, f, "dump")),
        Case(DIFF, (PYTHON, "-c", _CODE, f, "diff")),
    ]
    if journey.name == "large":  # on huge, difflib takes minutes a round
        out.append(Case(DIFF_DIFFLIB, (PYTHON, "-c", _CODE, f, "difflib")))
    return out
