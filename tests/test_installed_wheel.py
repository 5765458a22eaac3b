"""The package as an end user gets it: a wheel, installed (not editable) into a fresh venv.

Everything runs outside the repository, from a folder of the test's own, so nothing
can come from the source tree: the samples, the schema and the TCSS must all be in
the wheel. Dependencies are the locked versions (the lock exported as constraints).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from kunderejse_tui import __version__
from kunderejse_tui.journey.yamlio import load_file

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "sample_journeys").glob("*.journey.yaml"))
UV = Path(sys.executable).with_name("uv")

# The wheel is built and installed once for the module: one xdist worker.
pytestmark = pytest.mark.xdist_group("installed-wheel")

# Run inside the installed package: the home screen of an empty folder, its samples
# table, and Enter on the first sample (which must copy it into the folder).
HOME_PROBE = """
import asyncio, json, sys
from pathlib import Path
from textual.widgets import DataTable
import kunderejse_tui
from kunderejse_tui.tui.app import KunderejseApp

async def main() -> None:
    folder = Path(sys.argv[1])
    app = KunderejseApp(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            await pilot.pause(0.05)
            table = app.screen.query_one("#samples", DataTable)
            # Columns: file, title, ...; the title is "…" until the summary is in.
            titles = [str(table.get_row(row.key)[1]) for row in table.ordered_rows]
            if titles and "…" not in titles:
                break
        first = table.ordered_rows[0].key.value
        table.focus()
        await pilot.press("enter")
        for _ in range(200):
            await pilot.pause(0.05)
            if getattr(app.screen, "document", None) is not None:
                break
        opened = str(app.screen.document.path)
    print(json.dumps({"package": kunderejse_tui.__file__, "titles": titles,
                      "first": first, "opened": opened}))

asyncio.run(main())
"""


def run(args: Sequence[str | Path], cwd: Path, **kw: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(kw.pop("env", {}))  # type: ignore[arg-type]
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        **kw,  # type: ignore[call-overload]
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh venv with the wheel built from this tree installed."""
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    built = run([UV, "build", "--wheel", "--out-dir", dist, REPO], cwd=base)
    assert built.returncode == 0, built.stderr
    (wheel,) = dist.glob("kunderejse_tui-*.whl")
    constraints = base / "constraints.txt"
    export = ["export", "--frozen", "--no-dev", "--no-emit-project", "--no-hashes", "--quiet"]
    exported = run(
        [UV, *export, "--all-extras", "--output-file", constraints],
        cwd=REPO,
    )
    assert exported.returncode == 0, exported.stderr
    venv = base / "venv"
    made = run([UV, "venv", "--quiet", "--python", sys.executable, venv], cwd=base)
    assert made.returncode == 0, made.stderr
    install = [UV, "pip", "install", "--quiet", "--python", venv / "bin" / "python"]
    done = run([*install, "--constraint", constraints, wheel], cwd=base)
    assert done.returncode == 0, done.stderr
    return venv / "bin"


@pytest.fixture
def user_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "workshop"
    folder.mkdir()
    return folder


@pytest.mark.slow
def test_the_installed_command_reports_its_version(installed: Path, user_folder: Path) -> None:
    done = run([installed / "kunderejse", "--version"], cwd=user_folder)
    assert done.returncode == 0, done.stderr
    assert __version__ in done.stdout


@pytest.mark.slow
def test_the_installed_command_validates_and_exports(installed: Path, user_folder: Path) -> None:
    journey = user_folder / SAMPLES[0].name
    journey.write_bytes(SAMPLES[0].read_bytes())
    done = run([installed / "kunderejse", "validate", journey.name], cwd=user_folder)
    assert done.returncode == 0, done.stdout + done.stderr
    broken = user_folder / "broken.journey.yaml"
    broken.write_text(journey.read_text(encoding="utf-8").replace("emotion: 2", "emotion: 9"))
    done = run([installed / "kunderejse", "validate", broken.name], cwd=user_folder)
    assert done.returncode == 1 and "error[S106]" in done.stdout, done.stdout + done.stderr

    done = run(
        [installed / "kunderejse", "export", journey.name, "--to", "markdown"], cwd=user_folder
    )
    assert done.returncode == 0, done.stderr
    title = load_file(journey).data["title"]
    assert done.stdout.startswith(f"# {title}")


@pytest.mark.slow
def test_the_installed_home_screen_offers_the_samples_as_copies(
    installed: Path, user_folder: Path
) -> None:
    done = run([installed / "python", "-c", HOME_PROBE, user_folder], cwd=user_folder)
    assert done.returncode == 0, done.stderr
    import json

    seen = json.loads(done.stdout.strip().splitlines()[-1])
    site = installed.parent.resolve()
    # The code and the samples come from the venv, not from this repository.
    assert Path(seen["package"]).resolve().is_relative_to(site)
    assert Path(seen["first"]).resolve().is_relative_to(site)
    assert sorted(seen["titles"]) == sorted(load_file(p).data["title"] for p in SAMPLES)
    # Enter opened a copy in the user's folder, never the file in site-packages.
    opened = Path(seen["opened"])
    assert opened.parent.resolve() == user_folder.resolve()
    assert opened.read_bytes() == Path(seen["first"]).read_bytes()
