"""pre-commit whose Python hook environments are made by uv, offline, for the hooks test.

Stock pre-commit makes a virtualenv and runs pip against the index (about 20 s per
environment, and whatever versions the index has that day). The test wants the hooks
exactly as a user gets them, so it keeps pre-commit and the repository's own
.pre-commit-hooks.yaml, and swaps only the installer: ``uv venv`` plus ``uv pip
install .`` with UV_OFFLINE and UV_CONSTRAINT set by the test (the cache that
installing uv.lock filled, and the lock's versions). pre-commit-uv does the same as
a plugin, but it imports itself at every interpreter start of the venv it is in
(about 20 ms), which the start-up benchmarks would pay.

    python tests/pre_commit_with_uv.py PRE-COMMIT-ARGS...
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from pre_commit import lang_base
from pre_commit.languages import python
from pre_commit.main import main
from pre_commit.prefix import Prefix
from pre_commit.util import cmd_output_b

UV = str(Path(sys.executable).with_name("uv"))


def install_environment(
    prefix: Prefix, version: str, additional_dependencies: Sequence[str]
) -> None:
    envdir = lang_base.environment_dir(prefix, python.ENVIRONMENT_DIR, version)
    interpreter = python.norm_version(version) or sys.executable
    cmd_output_b(UV, "venv", "--quiet", envdir, "--python", interpreter, cwd="/")
    # pre-commit's health check compares pyvenv.cfg's version_info with the full
    # sys.version_info ("3.11.7.final.0"), as virtualenv writes it; uv writes "3.11.7".
    cfg = Path(envdir, "pyvenv.cfg")
    _, full, _ = cmd_output_b(
        str(Path(envdir, "bin", "python")),
        "-c",
        "import sys; print('.'.join(map(str, sys.version_info)))",
    )
    lines = [
        f"version_info = {full.decode().strip()}" if line.startswith("version_info") else line
        for line in cfg.read_text(encoding="utf-8").splitlines()
    ]
    cfg.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with python.in_env(prefix, version):
        lang_base.setup_cmd(
            prefix, (UV, "pip", "install", "--quiet", ".", *additional_dependencies)
        )


python.install_environment = install_environment  # type: ignore[assignment]

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
