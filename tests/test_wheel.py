"""The wheel a user installs: it holds the model and tables, stays under 40 MB, and works from a fresh venv.

The venv shares this interpreter's site-packages for the five runtime dependencies (so the test needs no
network), installs only the freshly built wheel, and runs the README's first command (``empathkit demo``) and
the quickstart from a directory outside the source tree, so nothing can be imported from ``src/``.
"""
from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_WHEEL_MB = 40


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True, text=True)
    (found,) = out.glob("empathkit-*.whl")
    return found


def test_wheel_holds_the_model_and_stays_small(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in ("model.onnx", "tokenizer.json", "model.json", "replies.tsv", "slang.tsv", "emoji.tsv",
                 "intent_model.npy", "audit_model.npy"):
        assert f"empathkit/data/{data}" in names, data
    assert "empathkit/py.typed" in names
    assert not any(name.startswith(("tests/", "training/", "benchmarks/")) for name in names)
    assert wheel.stat().st_size < MAX_WHEEL_MB * 1024 * 1024


def test_wheel_requires_only_the_five_runtime_dependencies(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (meta,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        lines = archive.read(meta).decode("utf-8").splitlines()
    required = {line.split(":", 1)[1].strip().split(";")[0].split("=")[0].split(">")[0].split("<")[0].strip().lower()
                for line in lines if line.startswith("Requires-Dist:") and "extra ==" not in line}
    assert required == {"numpy", "onnxruntime", "tokenizers", "jieba", "opencc"}


def test_fresh_venv_runs_demo_and_quickstart(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    # When the tests themselves run in a virtual environment, the new venv's "system" site is the base
    # interpreter's, which lacks the runtime dependencies: point it at this environment's site-packages too
    # (after its own, so the wheel's copy of empathkit still comes first).
    outer = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site, "_outer_site.pth").write_text("\n".join(sorted(outer)) + "\n", encoding="utf-8")
    with zipfile.ZipFile(wheel) as archive:  # install = unpack the wheel into the venv (what pip does)
        archive.extractall(site)
    work = tmp_path / "elsewhere"
    work.mkdir()
    check = subprocess.run([str(python), "-c", "import empathkit, sys; print(empathkit.__file__)"], cwd=work,
                           check=True, capture_output=True, text=True)
    assert str(env_dir) in check.stdout
    demo = subprocess.run([str(python), "-m", "empathkit", "demo"], cwd=work, capture_output=True, text=True,
                          timeout=300)
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.count("reply    : ") == 4
    quick = subprocess.run([str(python), str(ROOT / "examples" / "quickstart.py")], cwd=work, capture_output=True,
                           text=True, timeout=300)
    assert quick.returncode == 0, quick.stderr
