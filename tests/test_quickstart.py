"""The README's two quick-start commands are the ones CI runs and the ones that work."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    readme = (REPO / "README.md").read_text()
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", quick_start)


def test_readme_quick_start_is_two_commands_one_for_the_demo_and_one_for_the_tests():
    commands = readme_commands()

    assert len(commands) == 2
    assert commands[0].endswith("uv run library20 demo")
    assert commands[1].endswith("uv run pytest")


def test_ci_runs_the_readmes_test_command():
    ci = (REPO / ".ci" / "run").read_text()

    assert f"    {readme_commands()[1]}\n" in ci
