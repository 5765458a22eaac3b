"""Writing a journey file that did not exist: one path for every way a journey is made.

``kunderejse new``, the home screen's "new journey" (``n``) and "make a
future-state version" all end here, so every new journey gets the same things:

- the schema line, pointing at the nearest schema in the repository; when there
  is none (a journey made outside this project), the schema is installed as
  ``.kunderejse/journey.schema.json`` at the repository's root first, so that
  editors check the file for every teammate who clones it;
- canonical, verified text (``fileio.render_journey``);
- never over an existing file, not even one that appears between the check and
  the write: the finished temp file is hard-linked into place, which fails when
  the name is taken, so a new file is either whole or not there.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

from kunderejse_tui.journey.fileio import encode, render_journey
from kunderejse_tui.journey.schema_ref import install_schema, repo_root, schema_line_for

# A filesystem without hard links (some network and FUSE mounts) says one of these;
# an exclusive create is the next best thing there.
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}


class Created(NamedTuple):
    """A journey file just written: its path, its bytes, and the schema installed for it."""

    path: Path
    raw: bytes
    schema_installed: Path | None


def write_new_file(path: Path, payload: bytes) -> None:
    """Write ``payload`` as the new file ``path``; FileExistsError if the name is taken.

    The bytes go to a temp file in the same folder (fsynced, with the mode a new
    file gets under the umask), which is then linked to ``path``.
    """
    directory = path.parent if str(path.parent) else Path(".")
    umask = os.umask(0)
    os.umask(umask)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".new")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~umask)
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            _write_exclusive(path, payload)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _write_exclusive(path: Path, payload: bytes) -> None:
    with open(path, "xb") as fh:
        fh.write(payload)
        fh.flush()
        os.fsync(fh.fileno())


def create_journey_file(path: Path | str, data: dict[str, Any]) -> Created:
    """Write ``data`` as the new journey ``path``, with its schema line.

    Raises FileExistsError (nothing written), SaveError (the text would not read
    back as ``data``: nothing written) or OSError (the disk).
    """
    path = Path(path)
    if path.exists():
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    # Rendered once without the line first: a journey that cannot be written must
    # not leave a schema behind in the user's repository.
    render_journey(data)
    installed: Path | None = None
    schema_line = schema_line_for(path)
    if schema_line is None:
        installed = install_schema(repo_root(path.parent))
        schema_line = schema_line_for(path)
    raw = encode(render_journey(data, schema_line))
    write_new_file(path, raw)
    return Created(path, raw, installed)
