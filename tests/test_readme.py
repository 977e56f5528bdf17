"""The README documents what the code does."""

from __future__ import annotations

from pathlib import Path

from generator.issues import CODES

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_issue_code_with_its_severity() -> None:
    for code, (severity, meaning) in CODES.items():
        assert f"| `{code}` | {severity} | {meaning} |" in README


def test_readme_quick_start_is_two_commands() -> None:
    assert "pip install -e . && accountbook build" in README
    assert "pip install -e '.[test]' && pytest -n auto" in README
    assert "pytest -n auto" in (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()
