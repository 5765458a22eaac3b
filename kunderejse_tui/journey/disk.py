"""What a journey looked like on disk when we read it, and whether it still does.

A save must never silently overwrite a change made by ``git pull`` or another
editor, so the app remembers a fingerprint of the bytes it loaded and checks it
before every save. Size and mtime alone are not enough: some filesystems keep
mtimes in whole seconds and ``git checkout`` can restore an old mtime, so the
decision is made on the content hash. Size and mtime are kept for display
("changed 2 minutes ago") and as a quick hint.
"""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path
from typing import NamedTuple

from kunderejse_tui.journey.i18n import t


class Fingerprint(NamedTuple):
    size: int
    mtime_ns: int
    sha256: str


def hash_bytes(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def fingerprint_bytes(path: Path | str, raw: bytes) -> Fingerprint:
    """The fingerprint of ``raw``, the bytes just read from (or written to) ``path``.

    Hashing the bytes we actually hold, instead of re-reading the file, means a
    change that lands between our read and our stat still shows up as a change.
    """
    try:
        mtime_ns = os.stat(path).st_mtime_ns
    except OSError:
        mtime_ns = 0
    return Fingerprint(size=len(raw), mtime_ns=mtime_ns, sha256=hash_bytes(raw))


def fingerprint(path: Path | str) -> Fingerprint | None:
    """The fingerprint of the file as it is now; None when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            raw = fh.read()
    except OSError:
        return None
    return Fingerprint(size=len(raw), mtime_ns=st.st_mtime_ns, sha256=hash_bytes(raw))


def changed_on_disk(path: Path | str, fp: Fingerprint | None) -> bool:
    """Whether the file's content differs from ``fp``.

    A file that appeared, disappeared or became unreadable counts as changed;
    a file touched or rewritten with the same bytes does not, since saving over
    it loses nothing.
    """
    now = fingerprint(path)
    if now is None or fp is None:
        return (now is None) != (fp is None)
    return now.sha256 != fp.sha256


# The failures a person in a workshop can meet: errno -> message id. Any other
# errno is said in the system's own (English) words.
REASONS: dict[int, str] = {
    errno.ENOSPC: "disk.reason.enospc",
    errno.EDQUOT: "disk.reason.edquot",
    errno.EACCES: "disk.reason.eacces",
    errno.EPERM: "disk.reason.eperm",
    errno.EROFS: "disk.reason.erofs",
    errno.EIO: "disk.reason.eio",
    errno.ENOENT: "disk.reason.enoent",
    errno.ENAMETOOLONG: "disk.reason.enametoolong",
    errno.EISDIR: "disk.reason.eisdir",
    errno.EEXIST: "disk.reason.eexist",
    errno.ENOTDIR: "disk.reason.enotdir",
    errno.EBUSY: "disk.reason.ebusy",
    errno.ETXTBSY: "disk.reason.etxtbsy",
    errno.EXDEV: "disk.reason.exdev",
    errno.EFBIG: "disk.reason.efbig",
    errno.ELOOP: "disk.reason.eloop",
    errno.EMFILE: "disk.reason.emfile",
}


def os_reason(exc: OSError, lang: str = "en") -> str:
    """Why ``exc`` happened, in ``lang`` for the usual errnos, else the system's words."""
    reason = REASONS.get(exc.errno if exc.errno is not None else -1)
    return t(lang, reason) if reason else exc.strerror or str(exc)


def explain_os_error(exc: OSError, lang: str = "en", *, copy_written: bool = True) -> str:
    """One sentence for a failed save: what happened and that nothing is lost.

    ``copy_written``: whether the recovery copy holds the edits; only then is it named.
    """
    key = "disk.not_saved" if copy_written else "disk.not_saved_no_copy"
    return t(lang, key, reason=os_reason(exc, lang))
