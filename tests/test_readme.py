"""The README documents what the code does."""

from __future__ import annotations

from pathlib import Path

from generator.issues import CODES

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_issue_code_with_its_severity() -> None:
    for code, (severity, meaning) in CODES.items():
        assert f"| `{code}` | {severity} | {meaning} |" in README


VENV = (
    "{ python3 -m venv .venv || python3 -m venv --without-pip --system-site-packages .venv; }"
    " && . .venv/bin/activate && python -m pip install -e "
)


def test_readme_quick_start_is_two_commands() -> None:
    # Each one line that makes its own virtual environment (Debian's Python refuses pip
    # outside one), so either runs first on a fresh machine.
    assert f"\n{VENV}. && accountbook build\n" in README
    assert f"\n{VENV}'.[test]' && pytest -n auto\n" in README
    assert "pytest -n auto" in (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()
