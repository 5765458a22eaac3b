"""Journeys in a real git repository: textconv, ``diff --rev`` and the pre-commit hooks.

Every test works in a throw-away repository under tmp_path, with git cut off from
the user's and the system's configuration so that a developer's aliases, colours
or pager cannot change what git prints (and CI=true or a missing ~/.gitconfig
changes nothing either).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kunderejse_tui.cli import main
from kunderejse_tui.journey.dump import dump
from kunderejse_tui.journey.outline import render_outline
from kunderejse_tui.journey.yamlio import load_file, load_text

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_journeys" / "bilkoeb-privat.journey.yaml"
JOURNEY = "journeys/bilkoeb-privat.journey.yaml"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def clean_env(ceiling: Path) -> dict[str, str]:
    # GIT_DIR and friends leak in when pytest itself runs inside a git hook.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    # An empty file of our own rather than os.devnull: git would replace /dev/null
    # with a regular file if anything ever wrote "global" config through it.
    empty_config = ceiling / "empty.gitconfig"
    empty_config.touch()
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=str(empty_config),
        GIT_CEILING_DIRECTORIES=str(ceiling),
        GIT_PAGER="cat",
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
        NO_COLOR="1",
        PYTHONIOENCODING="utf-8",
        # The textconv runs `python -m kunderejse_tui` from the repository under test.
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    )
    return env


def run(
    args: list[str], cwd: Path, env: dict[str, str], check: bool = True
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", check=False
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"{args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return result


class Repo:
    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.root = root
        self.env = env

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return run(["git", *args], self.root, self.env, check)

    def kunderejse(self, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return run(
            [sys.executable, "-m", "kunderejse_tui", *args], cwd or self.root, self.env, check=False
        )

    def commit_all(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "--no-verify", "-m", message)


def init_repo(root: Path, env: dict[str, str]) -> Repo:
    root.mkdir(parents=True, exist_ok=True)
    repo = Repo(root, env)
    repo.git("init", "-q")
    repo.git("config", "user.name", "Test")
    repo.git("config", "user.email", "test@example.invalid")
    repo.git("config", "commit.gpgsign", "false")
    repo.git("config", "core.autocrlf", "false")
    return repo


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """A repository with the documented textconv set up and one committed journey."""
    env = clean_env(tmp_path)
    # In-process `main(["diff", ...])` runs git too: same isolation.
    for key in [k for k in os.environ if k.startswith("GIT_")]:
        monkeypatch.delenv(key)
    for key, value in env.items():
        if key.startswith("GIT_"):
            monkeypatch.setenv(key, value)
    r = init_repo(tmp_path / "work", env)
    (r.root / ".gitattributes").write_text("*.journey.yaml diff=kunderejse\n", encoding="utf-8")
    textconv = f"{shlex.quote(sys.executable)} -m kunderejse_tui textconv"
    r.git("config", "diff.kunderejse.textconv", textconv)
    (r.root / "journeys").mkdir()
    shutil.copy(SAMPLE, r.root / JOURNEY)
    r.commit_all("sample journey")
    return r


def edit_journey(path: Path, change: Any) -> None:
    """Change a journey the way the app saves it: load, edit the data, write canonically."""
    loaded = load_file(path)
    change(loaded.data)
    path.write_text(dump(loaded.data, schema_line=loaded.schema_line), encoding="utf-8")


def rename_and_frustrate(data: dict[str, Any]) -> None:
    attract = data["stages"][0]
    attract["name"] = "Tiltræk kunden"
    attract["touchpoints"][0]["emotion"] = 1  # facebook-annonce


# --- textconv ----------------------------------------------------------------------


def test_git_diff_log_and_show_speak_in_journey_terms(repo: Repo) -> None:
    edit_journey(repo.root / JOURNEY, rename_and_frustrate)
    expected = [
        "-stage attract: name: Tiltræk",
        "+stage attract: name: Tiltræk kunden",
        "-stage attract / touchpoint facebook-annonce: emotion: 3 (neutral)",
        "+stage attract / touchpoint facebook-annonce: emotion: 1 (frustreret)",
    ]
    diff = repo.git("diff").stdout
    changed = [
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == expected
    # Without the textconv git shows the YAML: the words above came from kunderejse.
    raw = repo.git("diff", "--no-textconv").stdout
    assert "+    name: Tiltræk kunden" in raw
    assert "+stage attract" not in raw

    repo.commit_all("rename attract, facebook ad frustrates")
    for args in (["log", "-p", "-1"], ["show", "HEAD"]):
        out = repo.git(*args).stdout
        for line in expected:
            assert line in out.splitlines(), (args, line)


def test_textconv_of_an_unreadable_version_shows_problems_not_an_error(repo: Repo) -> None:
    path = repo.root / JOURNEY
    text = path.read_text(encoding="utf-8")
    broken = text.replace("title: Privatkunder køber ny bil\n", "title: A\ntitle: B\n")
    path.write_text(broken, encoding="utf-8")
    result = repo.git("diff")
    assert result.returncode == 0
    assert "+# 5:1: error[L013]: duplicate key 'title' (first at line 4)" in result.stdout
    assert "+title: B" in result.stdout  # the raw text still shows what changed
    assert "error" not in result.stderr.lower()

    direct = repo.kunderejse("textconv", JOURNEY)
    assert direct.returncode == 0
    assert direct.stdout.startswith("# this file cannot be read as a journey:\n# 5:1: error[L013]")
    assert JOURNEY not in direct.stdout.splitlines()[1]  # git hands textconv a temp name
    missing = repo.kunderejse("textconv", "journeys/nope.journey.yaml")
    assert missing.returncode == 0
    assert "cannot read" in missing.stdout


# --- kunderejse diff --rev ---------------------------------------------------------------


def test_diff_against_a_revision(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    edit_journey(repo.root / JOURNEY, rename_and_frustrate)
    expected = [
        '~ stage attract: name "Tiltræk" -> "Tiltræk kunden"',
        "~ touchpoint facebook-annonce: emotion 3 -> 1 (worse)",
    ]
    assert main(["diff", str(repo.root / JOURNEY), "--rev", "HEAD", "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines() == expected

    # The real command, with paths relative to where it runs.
    from_root = repo.kunderejse("diff", JOURNEY, "--rev", "HEAD", "--lang", "en")
    assert (from_root.returncode, from_root.stdout.splitlines()) == (0, expected)
    inside = repo.kunderejse(
        "diff",
        "bilkoeb-privat.journey.yaml",
        "--rev",
        "HEAD",
        "--lang",
        "en",
        cwd=repo.root / "journeys",
    )
    assert (inside.returncode, inside.stdout.splitlines()) == (0, expected)

    md = repo.kunderejse("diff", JOURNEY, "--rev", "HEAD", "--to", "markdown", "--exit-code")
    assert md.returncode == 1  # --exit-code: something changed
    assert md.stdout.startswith("### Ændringer i kunderejsen\n")
    assert '- `~` fase `attract`: navn "Tiltræk" → "Tiltræk kunden"' in md.stdout

    repo.commit_all("edit")
    same = repo.kunderejse("diff", JOURNEY, "--rev", "HEAD", "--exit-code")
    assert (same.returncode, same.stdout) == (0, "Ingen ændringer.\n")
    back = repo.kunderejse("diff", JOURNEY, "--rev", "HEAD~1", "--lang", "en")
    assert back.stdout.splitlines() == expected


def test_diff_rev_errors_are_clear(
    repo: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new_file = repo.root / "journeys" / "new.journey.yaml"
    shutil.copy(SAMPLE, new_file)
    assert main(["diff", str(new_file), "--rev", "HEAD"]) == 2
    assert "the file is not in revision HEAD" in capsys.readouterr().err

    assert main(["diff", str(repo.root / JOURNEY), "--rev", "no-such-branch"]) == 2
    assert "--rev no-such-branch: no such revision" in capsys.readouterr().err

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(SAMPLE, outside / "x.journey.yaml")
    assert main(["diff", str(outside / "x.journey.yaml"), "--rev", "HEAD"]) == 2
    assert "not inside a git repository" in capsys.readouterr().err


def test_diff_rev_with_an_unreadable_old_version(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    path = repo.root / JOURNEY
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("id: bilkoeb-privat\n", "id: a\nid: b\n"), encoding="utf-8")
    repo.commit_all("broken")
    path.write_text(good, encoding="utf-8")
    assert main(["diff", str(path), "--rev", "HEAD"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"^HEAD:.*bilkoeb-privat\.journey\.yaml:4:1: error\[L013\]", err, re.M)


# --- the outline behind the textconv ---------------------------------------------------


def outline_of(yaml_text: str) -> list[str]:
    return render_outline(load_text(yaml_text).data).splitlines()


SMALL = """\
format: kunderejse/1
id: a
title: A
language: en
description: |
  First line.
  Second line.
stages:
  - id: attract
    name: Attract
    customer_questions:
      - text: Should I buy?
        persona: mette
    touchpoints:
      - id: ad
        name: Facebook ad
        emotion: 2
        pains:
          - No price
    messaging:
      tone: inspire
interviews:
  - id: i1
    answers:
      - question: why-us
        text: Price
      - ask: What did you search for?
        text: Electric cars
"""


def test_outline_one_fact_per_line_with_ids_on_every_line() -> None:
    assert outline_of(SMALL) == [
        "journey: format: kunderejse/1",
        "journey: id: a",
        "journey: title: A",
        "journey: language: en",
        "journey: description: | First line.",
        "journey: description: | Second line.",
        "",
        "stage attract: name: Attract",
        "stage attract / question: Should I buy? (persona: mette)",
        "stage attract / touchpoint ad: name: Facebook ad",
        "stage attract / touchpoint ad: emotion: 2 (unhappy)",
        "stage attract / touchpoint ad: pains: - No price",
        "stage attract / messaging: tone: inspire",
        "",
        "interview i1 / answer why-us: text: Price",
        'interview i1 / answer "What did you search for?": text: Electric cars',
    ]


def test_outline_a_rename_is_one_line_and_key_order_does_not_matter() -> None:
    before = outline_of(SMALL)
    renamed = outline_of(SMALL.replace("name: Attract", "name: Attract them"))
    assert [(a, b) for a, b in zip(before, renamed, strict=True) if a != b] == [
        ("stage attract: name: Attract", "stage attract: name: Attract them")
    ]
    shuffled = SMALL.replace("title: A\nlanguage: en\n", "language: en\ntitle: A\n").replace(
        "        name: Facebook ad\n        emotion: 2\n",
        "        emotion: 2\n        name: Facebook ad\n",
    )
    assert outline_of(shuffled) == before


def test_outline_of_broken_data_does_not_crash() -> None:
    broken: dict[str, Any] = {
        "title": "x\ny",
        "stages": ["oops", {"name": "no id", "touchpoints": "none", "customer_questions": [1]}],
        "personas": {"a": {"b": []}},
        "interviews": [{"id": "i", "answers": ["x", {"text": None}, {"ask": "q" * 80}]}],
        "x-extra": [{"k": [1, 2]}, []],
    }
    lines = render_outline(broken).splitlines()
    assert "journey: stages[1]: oops" in lines
    assert "stage #2: touchpoints: none" in lines
    assert "journey: personas.a.b: []" in lines
    assert "interview i / answer #2: text:" in lines
    assert any(line.startswith('interview i / answer "qqq') and "…" in line for line in lines)
    assert "journey: x-extra[1].k: - 1" in lines
    assert render_outline("not a mapping") == "\n"


# --- pre-commit hooks ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, Path]]:
    """This project's working tree as committed in a scratch repository.

    pre-commit installs hooks from a commit, and the tree under test may hold
    uncommitted work (and in a fresh CI clone is identical to HEAD). Fixed commit
    dates keep the commit id stable for the same content.
    """
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:
        pytest.skip("the project is not a git checkout")
    base = tmp_path_factory.mktemp("hooks")
    snapshot = base / "kunderejse"
    for name in listed.stdout.decode().split("\0"):
        src = REPO / name
        if name and src.is_file():
            dest = snapshot / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest)
    env = clean_env(base)
    env.update(GIT_AUTHOR_DATE="2026-01-01T00:00:00Z", GIT_COMMITTER_DATE="2026-01-01T00:00:00Z")
    snap = init_repo(snapshot, env)
    snap.commit_all("snapshot")
    rev = snap.git("rev-parse", "HEAD").stdout.strip()
    home = base / "pre-commit-home"
    home.mkdir()
    # The locked versions, for the hook environment.
    uv = Path(sys.executable).with_name("uv")
    export = ["export", "--frozen", "--no-emit-project", "--no-hashes", "--quiet"]
    exported = subprocess.run(
        [uv, *export, "--output-file", str(home / "constraints.txt")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert exported.returncode == 0, exported.stderr
    yield snapshot, rev, home


def pre_commit_env(repo: Repo, home: Path) -> dict[str, str]:
    """The hook environments are made by uv (tests/pre_commit_with_uv.py), offline, from
    the cache that installing the lock filled and with the lock's versions: seconds,
    and never the index (stock pre-commit's pip took ~20 s per environment)."""
    env = {k: v for k, v in repo.env.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return {
        **env,
        "PRE_COMMIT_HOME": str(home),
        "PRE_COMMIT_COLOR": "never",
        "UV_OFFLINE": "1",
        "UV_CONSTRAINT": str(home / "constraints.txt"),
    }


PRE_COMMIT = [sys.executable, str(Path(__file__).with_name("pre_commit_with_uv.py"))]


def journey_text(change: Any = None) -> str:
    loaded = load_file(SAMPLE)
    if change:
        change(loaded.data)
    return dump(loaded.data, schema_line=loaded.schema_line)


def bad_emotion(data: dict[str, Any]) -> None:
    data["stages"][0]["touchpoints"][0]["emotion"] = 9


def documented_config(snapshot: Path, rev: str) -> str:
    """The documented .pre-commit-config.yaml snippet, pointed at the snapshot.

    The README holds the snippet users copy, so that is the one tested.
    """
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    snippets = [b for b in blocks if b.startswith("repos:") and "kunderejse-validate" in b]
    assert snippets, "no documented .pre-commit-config.yaml snippet in the README"
    (snippet,) = snippets
    repo_line = re.search(r"^  - repo: (\S+)$", snippet, re.M)
    rev_line = re.search(r"^    rev: (\S+)$", snippet, re.M)
    assert repo_line and rev_line, snippet
    return snippet.replace(repo_line.group(1), str(snapshot)).replace(rev_line.group(1), rev)


def hook_sections(output: str) -> dict[str, tuple[str, str]]:
    """pre-commit's output per hook: name -> (Passed|Failed|Skipped, what the hook printed)."""
    heads = list(
        re.finditer(r"^(kunderejse [^.\n]+?)\.{3,}\(?[^\n]*?(Passed|Failed|Skipped)$", output, re.M)
    )
    out = {}
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(output)
        out[m.group(1)] = (m.group(2), output[m.end() : end])
    return out


@pytest.mark.slow
def test_pre_commit_hooks_stop_a_broken_journey(
    tmp_path: Path, hook_repo: tuple[Path, str, Path]
) -> None:
    pytest.importorskip("pre_commit")
    snapshot, rev, home = hook_repo
    pre_commit = PRE_COMMIT

    # try-repo runs a repository's hooks on the staged files, without a config. It
    # installs the hooks afresh on every call, so one call covers all cases.
    team = init_repo(tmp_path / "team", clean_env(tmp_path))
    env = pre_commit_env(team, home)
    (team.root / "good.journey.yaml").write_text(journey_text(), encoding="utf-8")
    (team.root / "bad.journey.yaml").write_text(journey_text(bad_emotion), encoding="utf-8")
    # Valid, but not the canonical layout: the format key belongs first.
    unformatted = journey_text().replace(
        "format: kunderejse/1\nid: bilkoeb-privat\n", "id: bilkoeb-privat\nformat: kunderejse/1\n"
    )
    assert unformatted != journey_text()
    (team.root / "unformatted.journey.yaml").write_text(unformatted, encoding="utf-8")
    (team.root / "notes.yaml").write_text("not: [a journey\n", encoding="utf-8")
    team.git("add", "-A")
    tried = run([*pre_commit, "try-repo", str(snapshot), "--ref", rev], team.root, env, check=False)
    assert tried.returncode == 1, tried.stdout + tried.stderr
    hooks = hook_sections(tried.stdout)
    status, validate_out = hooks["kunderejse validate"]
    assert status == "Failed", tried.stdout
    assert re.search(r"^bad\.journey\.yaml:\d+:\d+: error\[S106\]", validate_out, re.M)
    for name in ("good.journey.yaml:", "unformatted.journey.yaml:", "notes.yaml"):
        assert name not in validate_out
    status, fmt_out = hooks["kunderejse fmt --check"]
    assert status == "Failed", tried.stdout
    assert "would reformat unformatted.journey.yaml" in fmt_out
    assert "would reformat good.journey.yaml" not in fmt_out
    assert "notes.yaml" not in fmt_out

    # The documented setup: the README snippet, `pre-commit install`, then git commit.
    user = init_repo(tmp_path / "user", clean_env(tmp_path))
    env = pre_commit_env(user, home)
    config = documented_config(snapshot, rev)
    (user.root / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    # --install-hooks makes the environment now, with uv; git's hook script (stock
    # pre-commit) then finds it installed.
    run([*pre_commit, "install", "--install-hooks"], user.root, env)
    path = user.root / "kunderejse.journey.yaml"
    path.write_text(journey_text(bad_emotion), encoding="utf-8")
    user.git("add", "-A")
    refused = run(["git", "commit", "-m", "broken journey"], user.root, env, check=False)
    assert refused.returncode != 0
    # git runs the hook with its output on stderr.
    said = refused.stdout + refused.stderr
    assert "kunderejse.journey.yaml:" in said and "error[S106]" in said
    assert user.git("rev-parse", "--verify", "--quiet", "HEAD", check=False).returncode != 0

    path.write_text(journey_text(), encoding="utf-8")
    user.git("add", "-A")
    accepted = run(["git", "commit", "-m", "good journey"], user.root, env, check=False)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert {
        name: st for name, (st, _) in hook_sections(accepted.stdout + accepted.stderr).items()
    } == {
        "kunderejse validate": "Passed",
        "kunderejse fmt --check": "Passed",
    }
    assert user.git("log", "--format=%s").stdout.strip() == "good journey"
