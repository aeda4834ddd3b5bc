"""Accessibility checks with axe-core (the npm package, pinned in tests/axe_core/package-lock.json),
injected into a page open in Chromium."""

from __future__ import annotations

import fcntl
import shutil
import subprocess
from functools import cache
from pathlib import Path

from tests.services import require

PACKAGE = Path(__file__).parent / "axe_core"
SCRIPT = PACKAGE / "node_modules" / "axe-core" / "axe.min.js"

# What a reader is kept out by; "moderate" and "minor" findings are reviewed by eye.
BLOCKING = {"serious", "critical"}


@cache
def axe_script() -> Path:
    """axe-core's script, installed from the lock file the first time a test asks for it."""
    # Test processes (pytest-xdist workers) take turns: one installs, the others find it there.
    with open(PACKAGE / ".install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not SCRIPT.exists():
            npm = shutil.which("npm")
            require(npm is not None, "npm (to install axe-core)")
            subprocess.run(
                [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                cwd=PACKAGE,
                check=True,
                timeout=300,
            )
    return SCRIPT


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the Playwright ``page``, one line each: the
    rule, what it says, and the first elements it names."""
    page.add_script_tag(path=str(axe_script()))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:3])
        for v in violations
        if v["impact"] in BLOCKING
    ]
