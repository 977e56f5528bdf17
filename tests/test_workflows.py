"""The GitHub Actions workflows: valid against GitHub's schema, and the nightly job run for real."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from pytest_httpserver import HTTPServer

from .conftest import set_cell, small_grid
from .fake_sheets import KEY, FakeSheets
from .test_site import ROOT, make_project, tree_digest

WORKFLOWS = ROOT / ".github" / "workflows"
URL = f"https://docs.google.com/spreadsheets/d/{KEY}/edit"


def _workflow(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return loaded


def test_workflows_match_githubs_schema() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(WORKFLOWS / "ci.yml"),
            str(WORKFLOWS / "publish.yml"),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_runs_the_readme_commands() -> None:
    runs = [step.get("run", "") for step in _workflow("ci.yml")["jobs"]["test"]["steps"]]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert (
        "pip install -e '.[test]'" in runs
        and "pip install -e '.[test]' && pytest -n auto" in readme
    )
    assert "pytest -n auto" in runs and "mypy" in runs
    versions = _workflow("ci.yml")["jobs"]["test"]["strategy"]["matrix"]["python-version"]
    assert versions[0] == "3.11"


def test_publish_deploys_only_after_a_good_build() -> None:
    workflow = _workflow("publish.yml")
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads "on" as true
    assert set(triggers) == {"schedule", "workflow_dispatch", "push"}
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    uses = [step.get("uses", "") for step in workflow["jobs"]["build"]["steps"]]
    assert any(use.startswith("actions/upload-pages-artifact") for use in uses)
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")


def _nightly_steps() -> list[tuple[str, str]]:
    steps = _workflow("publish.yml")["jobs"]["build"]["steps"]
    return [
        (step["name"], step["run"]) for step in steps if "run" in step and step["name"] != "Install"
    ]


def _run_night(project: Path, api: HTTPServer, summary: Path) -> list[tuple[str, int]]:
    """Run the nightly job's commands in order, stopping at the first failure, as Actions does."""
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "ACCOUNTBOOK_SOURCE": URL,
        "ACCOUNTBOOK_SHEETS_API_URL": api.url_for("/").rstrip("/"),
        "ACCOUNTBOOK_SHEETS_RETRY_SECONDS": "2",
        "GOOGLE_API_KEY": "nightly-api-key",
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    env.pop("ACCOUNTBOOK_SERVICE_ACCOUNT_JSON", None)
    done = []
    for name, command in _nightly_steps():
        result = subprocess.run(["bash", "-eo", "pipefail", "-c", command], cwd=project, env=env,
                                capture_output=True, text=True, check=False)  # fmt: skip
        done.append((name, result.returncode))
        if result.returncode != 0:
            break
    return done


@pytest.fixture
def night(tmp_path: Path) -> Path:
    if shutil.which("bash") is None:  # pragma: no cover - every CI machine has bash
        pytest.fail("bash is needed to run the workflow's commands")
    return make_project(tmp_path / "repo")


def test_a_good_night_builds_a_site(httpserver: HTTPServer, night: Path, tmp_path: Path) -> None:
    FakeSheets(httpserver, small_grid(), title="Team book")
    done = _run_night(night, httpserver, tmp_path / "summary.md")
    assert done == [(name, 0) for name, _ in _nightly_steps()]
    assert (night / "site" / "index.html").is_file()
    assert (night / "snapshot" / "snapshot.json").is_file()
    assert "Built " in (tmp_path / "summary.md").read_text(encoding="utf-8")


def test_a_night_with_a_sheet_error_deploys_nothing(
    httpserver: HTTPServer, night: Path, tmp_path: Path
) -> None:
    FakeSheets(httpserver, small_grid())
    assert _run_night(night, httpserver, tmp_path / "first.md")[-1][1] == 0
    deployed = tree_digest(night / "site")
    httpserver.clear()
    grid = small_grid()
    set_cell(grid, "Sales!C3", "C404")
    FakeSheets(httpserver, grid)
    done = _run_night(night, httpserver, tmp_path / "summary.md")
    assert done[-1] == ("Check", 1)
    assert tree_digest(night / "site") == deployed
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "**invalid: 1 error, 0 warnings**" in summary
    assert (
        "| Sales!C3 | foreign-key | client_id 'C404' does not exist in Clients.client_id |"
        in summary
    )


def test_a_night_when_the_api_fails_keeps_everything(
    httpserver: HTTPServer, night: Path, tmp_path: Path
) -> None:
    fake = FakeSheets(httpserver, small_grid())
    assert _run_night(night, httpserver, tmp_path / "first.md")[-1][1] == 0
    site, snapshot = tree_digest(night / "site"), tree_digest(night / "snapshot")
    for _ in range(200):
        fake.fail("metadata", 503)
    done = _run_night(night, httpserver, tmp_path / "summary.md")
    assert done == [("Pull the spreadsheet", 4)]
    assert tree_digest(night / "site") == site and tree_digest(night / "snapshot") == snapshot
