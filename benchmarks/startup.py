"""Start-up cost and size: ``import empathkit`` time, first-call time and peak memory, each measured in a fresh
Python process (median of several), the packaged model's size, and the wheel's size.

In each child process: ``time.perf_counter`` around ``import empathkit`` (the interpreter's own start is not
counted), then around the first ``detect_emotion`` call (which loads the tables, the tokenizer and the ONNX
session with onnxruntime's default threads), then ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` (KiB on Linux).

On Linux a child's ``ru_maxrss`` starts at its parent's peak RSS (the high-water mark survives fork and exec),
so this section runs first, while the benchmark process is still small, and each child also reports the value
it started with (``ru_maxrss`` before the import: the inherited floor) and ``VmHWM`` from /proc/self/status
(the peak RSS of the child's own address space, not inherited). When the floor reaches the final ``ru_maxrss``,
that number is the parent's, and the table says so.
"""
from __future__ import annotations

import importlib.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "src" / "empathkit" / "data" / "model.onnx"
WHEEL_OUT = Path("/tmp/ek_wheel")
RUNS = {"smoke": 2, "quick": 5, "full": 5}

CHILD = r"""
import json, resource, sys, time
def hwm():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
floor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
import empathkit
t1 = time.perf_counter()
rss_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
hwm_import = hwm()
empathkit.detect_emotion("客服你好，我的快递三天了还没到，到底怎么回事？？？")
t2 = time.perf_counter()
rss_first = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
heavy = sorted(m for m in ("onnxruntime", "tokenizers", "jieba", "opencc", "numpy") if m in sys.modules)
print(json.dumps({"import_s": t1 - t0, "first_call_s": t2 - t1, "rss_import_kib": rss_import,
                  "rss_first_call_kib": rss_first, "rss_floor_kib": floor, "vmhwm_kib": hwm(),
                  "vmhwm_import_kib": hwm_import,
                  "loaded_after_first_call": heavy}))
"""

CHILD_IMPORT_ONLY = r"""
import json, sys
import empathkit
print(json.dumps(sorted(m for m in ("onnxruntime", "tokenizers", "jieba", "opencc", "numpy") if m in sys.modules)))
"""


def _child(code: str) -> Any:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          cwd=str(ROOT.parent), env={**os.environ, "PYTHONWARNINGS": "ignore"})
    if done.returncode != 0:
        raise RuntimeError(f"child process failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _mib(n_bytes: float) -> float:
    return round(n_bytes / 2**20, 2)


def _wheel(mode: str) -> dict[str, Any]:
    """The newest empathkit wheel in dist/; in full mode, else build one into /tmp/ek_wheel."""
    found = sorted((ROOT / "dist").glob("empathkit-*.whl"), key=lambda p: p.stat().st_mtime)
    if found:
        return {"status": "found in dist/", "file": found[-1].name, "mib": _mib(found[-1].stat().st_size)}
    if mode != "full":
        return {"status": "not built", "note": f"no wheel in dist/; {mode} mode does not build one"}
    if importlib.util.find_spec("build") is None:
        return {"status": "not built", "note": "the 'build' package is not installed"}
    shutil.rmtree(WHEEL_OUT, ignore_errors=True)
    attempts = []
    for extra in ([], ["--no-isolation"]):
        done = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(WHEEL_OUT), *extra],
                              cwd=str(ROOT), capture_output=True, text=True, timeout=600)
        wheels = sorted(WHEEL_OUT.glob("empathkit-*.whl"))
        if done.returncode == 0 and wheels:
            return {"status": "built", "command": " ".join(["python -m build --wheel --outdir /tmp/ek_wheel", *extra]),
                    "file": wheels[-1].name, "mib": _mib(wheels[-1].stat().st_size)}
        attempts.append((done.stdout + done.stderr).strip().splitlines()[-1:] or ["no output"])
    return {"status": "not built", "note": f"python -m build failed: {attempts}"}


def run(mode: str = "full") -> dict[str, Any]:
    runs = [_child(CHILD) for _ in range(RUNS[mode])]
    import_ms = [r["import_s"] * 1000 for r in runs]
    first_ms = [r["first_call_s"] * 1000 for r in runs]
    rss_first = [r["rss_first_call_kib"] / 1024 for r in runs]
    rss_import = [r["rss_import_kib"] / 1024 for r in runs]
    floor = max(r["rss_floor_kib"] for r in runs) / 1024
    hwm = [r["vmhwm_kib"] / 1024 for r in runs if r["vmhwm_kib"] is not None]
    hwm_import = [r["vmhwm_import_kib"] / 1024 for r in runs if r["vmhwm_import_kib"] is not None]
    parent_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "runs": len(runs),
        "import_ms": {"median": round(statistics.median(import_ms), 1), "min": round(min(import_ms), 1),
                      "max": round(max(import_ms), 1)},
        "first_call_ms": {"median": round(statistics.median(first_ms), 1), "min": round(min(first_ms), 1),
                          "max": round(max(first_ms), 1)},
        "peak_rss_mib_after_import": round(statistics.median(rss_import), 1),
        "peak_rss_mib_after_first_call": round(statistics.median(rss_first), 1),
        "inherited_ru_maxrss_floor_mib": round(floor, 1),
        "ru_maxrss_is_inherited": floor >= min(rss_first) * 0.95,
        "ru_maxrss_after_import_is_inherited": floor >= min(rss_import) * 0.95,
        "vmhwm_mib_after_import": round(statistics.median(hwm_import), 1) if hwm_import else None,
        "vmhwm_mib_after_first_call": round(statistics.median(hwm), 1) if hwm else None,
        "benchmark_process_peak_rss_mib_at_spawn": round(parent_kib / 1024, 1),
        "heavy_modules_after_import": _child(CHILD_IMPORT_ONLY),
        "heavy_modules_after_first_call": runs[0]["loaded_after_first_call"],
        "model_onnx_mib": _mib(MODEL.stat().st_size) if MODEL.is_file() else None,
        "wheel": _wheel(mode),
    }


def markdown(result: dict[str, Any]) -> list[str]:
    imp, first, wheel = result["import_ms"], result["first_call_ms"], result["wheel"]
    wheel_cell = f"{wheel['mib']} MiB ({wheel['file']}, {wheel['status']})" if "mib" in wheel else \
        f"{wheel['status']} ({wheel.get('note', '')})"
    heavy = ", ".join(result["heavy_modules_after_import"]) or "none"
    note = (f" (inherited from the benchmark process: floor {result['inherited_ru_maxrss_floor_mib']} MiB; "
            "read VmHWM)") if result["ru_maxrss_is_inherited"] else ""
    return ["## 3. Start-up and size", "",
            f"Each measured in a fresh Python process; median (min–max) of {result['runs']} processes.", "",
            "| what | value |", "|---|---|",
            f"| `import empathkit` | {imp['median']} ms ({imp['min']}–{imp['max']}) |",
            f"| first `detect_emotion` call (loads tables, tokenizer, ONNX session) | {first['median']} ms "
            f"({first['min']}–{first['max']}) |",
            f"| peak RSS after the first call (ru_maxrss) | {result['peak_rss_mib_after_first_call']} MiB{note} |",
            f"| peak RSS after import / after the first call (VmHWM, the child's own) | "
            f"{result['vmhwm_mib_after_import']} / {result['vmhwm_mib_after_first_call']} MiB |",
            f"| heavy modules loaded by `import empathkit` | {heavy} |",
            f"| model file (src/empathkit/data/model.onnx) | {result['model_onnx_mib']} MiB |",
            f"| wheel | {wheel_cell} |", ""]
