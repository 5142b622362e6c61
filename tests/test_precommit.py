"""The pre-commit hook, run for real: `pre-commit run` in a temporary git repository with the
README's `repo: local` / `language: system` form, whose files/exclude must be those of
.pre-commit-hooks.yaml. README.md and other project files are not speeches."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ("在全县工作会议上的讲话\n同志们：\n今天，我们召开市委x届x次全会。\n一、加强领导\n要高度重视。\n"
         "三、强化保障\n要落实经费。\n")
CLEAN = "在全县工作会议上的讲话\n同志们：\n一、加强领导\n要高度重视。\n二、强化保障\n要落实经费。\n"


def _local_config() -> dict[str, Any]:
    yaml = pytest.importorskip("yaml")
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "repo: local" in b]
    assert len(blocks) == 1, "the README shows one `repo: local` pre-commit configuration"
    config: dict[str, Any] = yaml.safe_load(blocks[0])
    return config


def test_readme_local_hook_matches_the_published_hook() -> None:
    yaml = pytest.importorskip("yaml")
    published = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))}
    (local,) = _local_config()["repos"]
    hook = local["hooks"][0]
    assert hook["language"] == "system"
    for key in ("entry", "files", "exclude", "types"):
        assert hook[key] == published[hook["id"]][key], key
    exclude = re.compile(hook["exclude"])
    files = re.compile(hook["files"])
    for name in ("README.md", "docs/README.md", "CHANGELOG.md", "LICENSE.txt", "requirements-dev.txt"):
        assert files.search(name)
        assert exclude.search(name), name
    for name in ("drafts/讲话.md", "drafts/讲话.txt", "2024/newsletter.md"):
        assert not exclude.search(name), name


def test_pre_commit_run_checks_drafts_and_not_the_readme(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    yaml = pytest.importorskip("yaml")
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    (repo / "drafts").mkdir(parents=True)
    (repo / "README.md").write_text("# 项目\n" + DRAFT, encoding="utf-8")  # would fail if it were checked
    (repo / "CHANGELOG.md").write_text(DRAFT, encoding="utf-8")
    (repo / "drafts" / "讲话.md").write_text(DRAFT, encoding="utf-8")
    (repo / "drafts" / "好.txt").write_text(CLEAN, encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(_local_config(), allow_unicode=True), "utf-8")
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""),
           "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C.UTF-8"}

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(argv, cwd=repo, env=env, capture_output=True, text=True, timeout=120, check=False)

    assert run(git, "init", "-q").returncode == 0
    assert run(git, "add", "-A").returncode == 0
    result = run(sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never")
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "officialspeech check" in out
    assert "Failed" in out
    assert "drafts/讲话.md:3:" in out
    assert "X301" in out
    assert "N101" in out
    assert "README.md:" not in out
    assert "CHANGELOG.md:" not in out
    assert "Traceback" not in out

    (repo / "drafts" / "讲话.md").write_text(CLEAN, encoding="utf-8")
    assert run(git, "add", "-A").returncode == 0
    result = run(sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
