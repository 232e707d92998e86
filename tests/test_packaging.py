"""The wheel ships the taxonomies and loads them from site-packages, not from the checkout."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_ships_default_taxonomy(tmp_path: Path) -> None:
    """Build the wheel, install it in a fresh venv, and load the default taxonomy from there."""
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", ".venv", "*.egg-info",
                                                             "__pycache__", "build", "dist"))
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheels), str(src)],
        check=True,
    )
    (wheel,) = wheels.glob("skillmatch-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run([py, "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True)
    shutil.rmtree(src)  # nothing may come from a checkout
    code = (
        "import skillmatch, skillmatch.taxonomy._load as t; tax = skillmatch.load_taxonomy(); "
        "from skillmatch._roles import RoleIndex; "
        "from skillmatch.extraction._rules import person_names; "
        "assert 'julia' in person_names().first and 'chen' in person_names().last; "
        "assert RoleIndex.bundled().find('Data Scientist').occupations == ('15-2051.00',); "
        "print(len(tax), tax['python'].demand, t._bundled_dir())"
    )
    out = subprocess.run([py, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    count, demand, where = out.stdout.split(maxsplit=2)
    assert int(count) >= 300 and float(demand) == 0.758
    assert str(env_dir) in where and "site-packages" in where
