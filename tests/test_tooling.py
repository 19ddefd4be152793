"""Lint, format and type checks run as part of the suite, so CI and developers run the same thing."""

import subprocess
import sys

import pytest
from conftest import REPO


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "generator", "tests"],
        ["ruff", "format", "--check", "generator", "tests"],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_passes(command):
    result = subprocess.run([sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
