"""Golden files of the journey map: an SVG per sample, and one stored PNG rendering.

    python tests/golden/picture.py          # rewrite them
    python tests/golden/picture.py --check  # exit 1 if any is out of date

Review the diff like code (and look at the PNG): a change of the map must be
intended. tests/test_export_picture.py compares against the same cases. The PNG
is compared within a small pixel tolerance, so a resvg release that moves a few
anti-aliased pixels does not need a new rendering.
"""

from __future__ import annotations

import sys
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent
ROOT = GOLDEN.parents[1]
SAMPLES = ROOT / "sample_journeys"
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from kunderejse_tui.journey.export.picture import (  # noqa: E402
    Options,
    export_png_pages,
    export_svg_pages,
)

PNG_SAMPLE = "bilkoeb-privat"
PNG_ZOOM = 1.0


def stems() -> list[str]:
    return sorted(p.name.removesuffix(".journey.yaml") for p in SAMPLES.glob("*.journey.yaml"))


def journey(stem: str) -> dict[str, object]:
    from kunderejse_tui.journey.yamlio import load_file

    return load_file(SAMPLES / f"{stem}.journey.yaml").data


def options(stem: str) -> Options:
    return Options(source=f"{stem}.journey.yaml")


def svg_path(stem: str, page: int) -> Path:
    return GOLDEN / stem / f"map.{page:02d}.svg"


def png_path() -> Path:
    return GOLDEN / PNG_SAMPLE / "map.png"


def expected() -> dict[Path, bytes]:
    out: dict[Path, bytes] = {}
    for stem in stems():
        for n, svg in enumerate(export_svg_pages(journey(stem), options(stem)), start=1):
            out[svg_path(stem, n)] = svg.encode("utf-8")
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path, data in expected().items():
        if not path.exists() or path.read_bytes() != data:
            stale.append(path)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    # The PNG is judged with a tolerance by the test; here it is only made when missing
    # or asked for, so that --check does not fail on a renderer's anti-aliasing.
    if "--png" in argv or not png_path().exists():
        if not check:
            (png,) = export_png_pages(journey(PNG_SAMPLE), options(PNG_SAMPLE), zoom=PNG_ZOOM)
            png_path().write_bytes(png)
        stale.append(png_path())
    for path in stale:
        print(("out of date: " if check else "updated: ") + str(path.relative_to(ROOT)))
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
