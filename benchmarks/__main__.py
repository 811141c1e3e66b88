"""Run the benchmark suite: ``python -m benchmarks [--quick | --smoke]``.

Full and quick runs write benchmarks/results/latest.json and latest.md (and latency_vs_tokens.png when
matplotlib is installed); quick finishes in under 2 minutes on 2 cores. ``--smoke`` runs every part with a
few repeats only, to check the code (well under a minute): it writes benchmarks/results/smoke.json (git-ignored)
and its plot to /tmp, and leaves the latest results alone. Its numbers mean nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import traceback
from pathlib import Path
from typing import Any, Callable

from . import competitors, latency, pipeline, scaling, startup

RESULTS = Path(__file__).resolve().parent / "results"
PLOT = RESULTS / "latency_vs_tokens.png"
SMOKE_PLOT = Path("/tmp/ek_smoke_latency_vs_tokens.png")
# (key in the report, module): each module has run(mode) -> dict and markdown(dict) -> list[str].
SECTIONS = (("latency", latency), ("pipeline", pipeline), ("startup", startup), ("scaling", scaling),
            ("competitors", competitors))
# Start-up runs first, while this process is small: a child's ru_maxrss starts at its parent's peak RSS.
RUN_ORDER = ("startup", "latency", "pipeline", "scaling", "competitors")


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import onnxruntime

    try:
        load = round(os.getloadavg()[0], 2)
    except OSError:
        load = None
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "onnxruntime": onnxruntime.__version__, "date": time.strftime("%Y-%m-%d"),
            "load_average_1min_at_start": load}


def _section(key: str, run: Callable[[str], dict], mode: str) -> dict[str, Any]:
    print(f"[benchmarks] {key} …", file=sys.stderr, flush=True)
    started = time.perf_counter()
    try:
        result = run(mode)
    except Exception as error:  # noqa: BLE001 - one broken part must not lose the others
        traceback.print_exc()
        result = {"error": f"{type(error).__name__}: {error}"}
    result["elapsed_s"] = round(time.perf_counter() - started, 1)
    print(f"[benchmarks] {key} done in {result['elapsed_s']} s", file=sys.stderr, flush=True)
    return result


def to_markdown(report: dict) -> str:
    m = report["machine"]
    lines = [f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, onnxruntime {m['onnxruntime']}, "
             f"{m['date']} (1-minute load average at start: {m.get('load_average_1min_at_start')}). "
             f"Command: `{report['command']}` ({report['elapsed_s']} s).", ""]
    for key, module in SECTIONS:
        result = report.get(key)
        if result is None:
            continue
        if "error" in result:
            lines += [f"## {key}", "", f"Failed: {result['error']}", ""]
            continue
        lines += module.markdown(result)
        if key == "latency" and report.get("plot"):
            plot = report["plot"]
            lines += ([f"![detect_emotion p50 vs tokens]({Path(plot).name})", ""] if plot.endswith(".png")
                      else [f"Plot: {plot}.", ""])
    return "\n".join(lines)


def _warn_if_not_checkout() -> None:
    """The suite measures the installed empathkit; say so when that is not this checkout's src/ (a plain
    ``pip install .`` copy, e.g. after ``.ci/run``, keeps measuring the old model until reinstalled)."""
    import importlib.util

    spec = importlib.util.find_spec("empathkit")
    origin = Path(spec.origin).resolve() if spec and spec.origin else None
    checkout = Path(__file__).resolve().parents[1] / "src" / "empathkit"
    if origin is None or checkout not in origin.parents:
        print(f"[benchmarks] warning: measuring empathkit from {origin}, not this checkout's src/ "
              "(pip install -e . --no-deps to measure the checkout)", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quick", action="store_true", help="fewer repeats and settings (under 2 minutes)")
    group.add_argument("--smoke", action="store_true",
                       help="a few repeats of everything to check the code; writes results/smoke.json only")
    args = parser.parse_args()
    mode = "smoke" if args.smoke else "quick" if args.quick else "full"
    _warn_if_not_checkout()
    started = time.perf_counter()
    report: dict[str, Any] = {"command": "python -m benchmarks" + ("" if mode == "full" else f" --{mode}"),
                              "mode": mode, "machine": machine()}
    modules = dict(SECTIONS)
    for key in RUN_ORDER:
        module = modules[key]
        report[key] = _section(key, module.run, mode)
        if key == "latency" and "error" not in report[key]:
            try:
                RESULTS.mkdir(exist_ok=True)
                report["plot"] = latency.plot(report[key], SMOKE_PLOT if mode == "smoke" else PLOT)
            except Exception as error:  # noqa: BLE001 - a plot must not lose the numbers
                report["plot"] = f"failed ({type(error).__name__}: {error})"
    report["elapsed_s"] = round(time.perf_counter() - started, 1)
    RESULTS.mkdir(exist_ok=True)
    markdown = to_markdown(report)
    if mode == "smoke":
        (RESULTS / "smoke.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        (RESULTS / "latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                                             encoding="utf-8")
        (RESULTS / "latest.md").write_text(markdown + "\n", encoding="utf-8")
    print(markdown)


if __name__ == "__main__":
    main()
