"""Print the packages whose newest release differs from uv.lock (for `make test-latest`).

python tools/lock_drift.py uv.lock LATEST-REQUIREMENTS.txt
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path


def locked(lock: Path) -> dict[str, str]:
    data = tomllib.loads(lock.read_text(encoding="utf-8"))
    return {p["name"]: p["version"] for p in data.get("package", []) if "version" in p}


def latest(requirements: Path) -> dict[str, str]:
    pins = re.findall(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)", requirements.read_text("utf-8"), re.M)
    return {name.lower().replace("_", "-"): version for name, version in pins}


def main(argv: list[str]) -> int:
    old, new = locked(Path(argv[1])), latest(Path(argv[2]))
    drift = [(n, old[n], v) for n, v in sorted(new.items()) if n in old and old[n] != v]
    for name, was, now in drift:
        print(f"  {name}: {was} (uv.lock) -> {now}")
    if not drift:
        print("  none: uv.lock holds today's newest releases")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
