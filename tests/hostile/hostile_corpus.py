"""The hostile-input corpus, generated (nothing binary or huge is committed).

Every case is a file a workshop could meet: a bad merge, a file saved by the
wrong editor, an attack, an accident. ``HOSTILE`` lists files that must be
refused with a code and a line; ``FRIENDLY`` lists odd but legitimate files
(BOM, CRLF) that must work normally.

Run as a script to write the corpus to a directory, e.g. to try it in the app:
``python tests/hostile/hostile_corpus.py /tmp/hostile``.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

VALID = (
    "format: kunderejse/1\n"
    "id: bil\n"
    "title: Bilkøb\n"
    "language: da\n"
    "stages:\n"
    "  - id: awareness\n"
    "    name: Opmærksomhed\n"
    "    touchpoints:\n"
    "      - id: annonce\n"
    "        name: Annonce\n"
    "        channel: social\n"
    "        emotion: 3\n"
)
HEAD = "format: kunderejse/1\nid: bil\ntitle: Bilkøb\nlanguage: da\n"  # lines 1-4
STAGES = "stages: []\n"
BIG = 50 * 1000 * 1000


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], None]  # writes the file at the given path
    code: str
    line: int | None = None
    col: int | None = None

    @property
    def filename(self) -> str:
        return f"{self.name}.journey.yaml"


def _bytes(raw: bytes) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(raw)

    return write


def _text(text: str) -> Callable[[Path], None]:
    return _bytes(text.encode("utf-8", "surrogatepass"))


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _fifty_megabytes(path: Path) -> None:
    with path.open("wb") as fh:
        fh.write((HEAD + STAGES + 'x-pad: "').encode())
        chunk = b"a" * (1 << 20)
        for _ in range(BIG // len(chunk) + 1):
            fh.write(chunk)
        fh.write(b'"\n')


def _billion_laughs() -> str:
    lines = [HEAD + STAGES + 'x-lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"x-lol{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


def _block_mappings(levels: int) -> str:
    # One space per level keeps 3,000 levels of block mappings near 4.5 MB.
    return HEAD + STAGES + "x-deep:\n" + "".join(" " * i + "a:\n" for i in range(1, levels))


CONFLICT = (
    HEAD.replace("title: Bilkøb\n", "")
    + "<<<<<<< HEAD\n"
    + "title: Bilkøb i byen\n"
    + "=======\n"
    + "title: Bilkøb på landet\n"
    + ">>>>>>> origin/main\n"
    + STAGES
)
CONFLICT_DIFF3 = (
    VALID.replace("        emotion: 3\n", "")
    + "<<<<<<< ours\n"
    + "        emotion: 4\n"
    + "||||||| base\n"
    + "        emotion: 3\n"
    + "=======\n"
    + "        emotion: 2\n"
    + ">>>>>>> theirs\n"
)
TAGS = {
    "tag-python-apply": "!!python/object/apply:os.system ['touch PWNED']",
    "tag-python-name": "!!python/name:os.system",
    "tag-python-new": "!!python/object/new:subprocess.Popen [['touch', 'PWNED']]",
    "tag-binary": "!!binary aGVq",
    "tag-set": "!!set {a, b}",
    "tag-timestamp": "!!timestamp 2024-01-02",
    "tag-custom": "!custom 1",
    "tag-str": "!!str 1.10",
    "tag-verbatim": "!<tag:yaml.org,2002:str> x",
    "tag-non-specific": "! x",
}

HOSTILE: list[Case] = [
    Case("merge-conflict", _text(CONFLICT), "L006", 4, 1),
    Case("merge-conflict-diff3", _text(CONFLICT_DIFF3), "L006", 12, 1),
    Case("duplicate-key", _text(VALID + "title: Igen\n"), "L013", 13, 1),
    Case("duplicate-key-nested", _text(VALID + "        emotion: 4\n"), "L013", 13, 9),
    Case("duplicate-key-quoted", _text(VALID + '"id": igen\n'), "L013", 13, 1),
    Case("alias", _text(HEAD + STAGES + "x-a: &a 1\nx-b: *a\n"), "L011", 6, 6),
    Case("merge-key", _text(HEAD + STAGES + "x-b: &b {x: 1}\nx-m:\n  <<: *b\n"), "L011", 6, 6),
    Case("undefined-alias", _text(HEAD + STAGES + "x-b: *nowhere\n"), "L011", 6, 6),
    Case("billion-laughs", _text(_billion_laughs()), "L011", 6, 9),
    Case(
        "flow-sequences-100k",
        _text(HEAD + STAGES + "x-deep: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        "L007",
        6,
    ),
    Case(
        "flow-mappings-100k",
        _text(HEAD + STAGES + "x-deep: " + "{a: " * 100_000 + "}" * 100_000 + "\n"),
        "L007",
        6,
    ),
    Case("flow-unclosed-100k", _text(HEAD + STAGES + "x-deep: " + "[" * 100_000 + "\n"), "L007", 6),
    Case(
        "block-sequences-100k",
        _text(HEAD + STAGES + "x-deep:\n" + "- " * 100_000 + "x\n"),
        "L007",
        7,
    ),
    Case("block-mappings-3000", _text(_block_mappings(3000)), "L007"),
    Case("nul-byte", _text(HEAD.replace("Bilkøb", "Bil\x00køb") + STAGES), "L004", 3, 11),
    Case("escape-char", _text(HEAD.replace("Bilkøb", "Bil\x1bkøb") + STAGES), "L004", 3, 11),
    Case("del-char", _text(HEAD.replace("Bilkøb", "Bil\x7fkøb") + STAGES), "L004", 3, 11),
    Case("c1-control", _text(HEAD.replace("Bilkøb", "Bil\x90køb") + STAGES), "L004", 3, 11),
    Case("lone-cr", _text(HEAD + "x-a: 1\rx-b: 2\n" + STAGES), "L004", 5, 7),
    Case("latin-1", _bytes((HEAD + STAGES).encode("latin-1")), "L003", 3, 12),
    Case("windows-1252", _bytes((STAGES + "x-q: “citat”\n").encode("cp1252")), "L003", 2, 6),
    Case("overlong-utf8", _bytes((HEAD + STAGES).encode() + b"x-a: \xc0\xaf\n"), "L003", 6, 6),
    Case("tab-indent", _text(HEAD + "stages:\n\t- id: a\n"), "L009", 6, 1),
    Case("tab-indent-nested", _text(VALID.replace("    name: Opm", "\tname: Opm")), "L009", 7, 1),
    Case("several-documents", _text(VALID + "---\nid: igen\n"), "L010", 13, 1),
    Case("document-start-twice", _text("---\n" + VALID + "---\n" + VALID), "L010", 14, 1),
    Case("empty", _bytes(b""), "L002", 1, 1),
    Case("whitespace-only", _bytes(b"   \n\n \t \n"), "L002", 1, 1),
    Case("bom-only", _bytes(b"\xef\xbb\xbf"), "L002", 1, 1),
    Case(
        "comments-only", _text("# yaml-language-server: $schema=x.json\n# nothing\n"), "L002", 1, 1
    ),
    Case("document-marker-only", _text("---\n...\n"), "L015"),
    *[
        Case(name, _text(HEAD + STAGES + f"x-t: {tag}\n"), "L012", 6, 6)
        for name, tag in TAGS.items()
    ],
    Case(
        "tag-directive",
        _text("%TAG !e! tag:example.com,2000:\n---\n" + HEAD + STAGES + "x-t: !e!x 1\n"),
        "L012",
        8,
        6,
    ),
    Case("tag-on-key", _text(HEAD + STAGES + "!!str x-k: 1\n"), "L012", 6, 1),
    Case("fifty-megabytes", _fifty_megabytes, "L001", 1, 1),
    Case("nel-u0085", _text(HEAD.replace("Bilkøb", "Bil\x85køb") + STAGES), "L018", 3, 11),
    Case(
        "line-separator-u2028",
        _text(HEAD.replace("Bilkøb", "Bil\u2028køb") + STAGES),
        "L018",
        3,
        11,
    ),
    Case(
        "paragraph-separator-u2029",
        _text(HEAD.replace("Bilkøb", "Bil\u2029køb") + STAGES),
        "L018",
        3,
        11,
    ),
    Case("surrogate-escape", _text(HEAD + STAGES + 'x-s: "\\ud800"\n'), "L008", 6, 9),
    Case("surrogate-pair-escape", _text(HEAD + STAGES + 'x-s: "\\ud83d\\ude00"\n'), "L008", 6, 9),
    Case(
        "surrogate-raw-bytes",
        _bytes((HEAD + STAGES).encode() + b"x-s: \xed\xa0\x80\n"),
        "L003",
        6,
        6,
    ),
    Case(
        "surrogate-cesu8",
        _bytes((HEAD + STAGES).encode() + b"x-s: \xed\xa0\xbd\xed\xb8\x80\n"),
        "L003",
        6,
        6,
    ),
    Case("utf-16-le", _bytes(codecs.BOM_UTF16_LE + VALID.encode("utf-16-le")), "L003", 1, 1),
    Case("utf-16-be", _bytes(codecs.BOM_UTF16_BE + VALID.encode("utf-16-be")), "L003", 1, 1),
    Case("utf-16-le-no-bom", _bytes(VALID.encode("utf-16-le")), "L003", 3),
    Case("utf-32-le", _bytes(codecs.BOM_UTF32_LE + VALID.encode("utf-32-le")), "L003", 1, 1),
    Case("non-string-key", _text(VALID + "1: one\n"), "L014", 13, 1),
    Case("complex-key", _text(HEAD + STAGES + "? [a, b]\n: c\n"), "L014", 6, 3),
    Case("null-key", _text(HEAD + STAGES + "~: c\n"), "L014", 6, 1),
    Case("top-level-list", _text("- format: kunderejse/1\n"), "L015", 1, 1),
    Case("top-level-scalar", _text("kunderejse\n"), "L015", 1, 1),
    Case("future-format", _text(VALID.replace("kunderejse/1", "kunderejse/2")), "L016", 1, 1),
    Case("unclosed-quote", _text(HEAD + 'x-s: "never closed\n' + STAGES), "L008"),
    Case("long-implicit-key", _text(HEAD + STAGES + "x-" + "k" * 2000 + ": v\n"), "L008"),
    Case("huge-integer", _text(HEAD + STAGES + "x-n: " + "9" * 5000 + "\n"), "L008", 6, 6),
    Case("fifo", _fifo, "L017", 1, 1),
    Case("dev-zero", _dev_zero, "L017", 1, 1),
]


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


# Not canonical on purpose (keys out of order, odd indentation) so that fmt rewrites them.
UNTIDY = (
    "id: bil\n"
    "format: kunderejse/1\n"
    "title: Bilkøb\n"
    "language: da\n"
    "stages:\n"
    "- id: awareness\n"
    "  name: Opmærksomhed\n"
    "  touchpoints:\n"
    "  - {id: annonce, name: Annonce, channel: social, emotion: 3}\n"
)


@dataclass(frozen=True)
class Friendly:
    name: str
    raw: bytes
    bom: bool
    crlf: bool

    @property
    def filename(self) -> str:
        return f"{self.name}.journey.yaml"


BOM = codecs.BOM_UTF8
FRIENDLY: list[Friendly] = [
    Friendly("bom", BOM + VALID.encode(), True, False),
    Friendly("crlf", _crlf(VALID).encode(), False, True),
    Friendly("bom-crlf", BOM + _crlf(VALID).encode(), True, True),
    Friendly("untidy-bom", BOM + UNTIDY.encode(), True, False),
    Friendly("untidy-crlf", _crlf(UNTIDY).encode(), False, True),
    Friendly("untidy-bom-crlf", BOM + _crlf(UNTIDY).encode(), True, True),
    # Half-and-half already: the first line decides, and fmt makes every line agree.
    Friendly("mixed-crlf-first", (_crlf(UNTIDY[:8]) + UNTIDY[8:]).encode(), False, True),
]


def write_corpus(directory: Path) -> list[Path]:
    """Write every case into ``directory`` (one file each); returns the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in HOSTILE:
        path = directory / case.filename
        case.make(path)
        paths.append(path)
    for friendly in FRIENDLY:
        path = directory / friendly.filename
        path.write_bytes(friendly.raw)
        paths.append(path)
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/hostile/hostile_corpus.py OUTDIR")
    for written in write_corpus(Path(sys.argv[1])):
        print(written)


def snapshot(directory: Path) -> dict[str, tuple[int, int, int, str]]:
    """Every entry's type, size, mtime and content hash (pipes and links are not read)."""
    out = {}
    for name in sorted(os.listdir(directory)):
        st = os.lstat(directory / name)
        digest = ""
        if stat.S_ISREG(st.st_mode):
            digest = hashlib.sha256((directory / name).read_bytes()).hexdigest()
        out[name] = (stat.S_IFMT(st.st_mode), st.st_size, st.st_mtime_ns, digest)
    return out
