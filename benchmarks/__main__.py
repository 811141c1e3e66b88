"""Run the benchmark suite: ``python -m benchmarks [--quick]``; writes benchmarks/results/latest.json and .md."""
from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from . import latency

RESULTS = Path(__file__).resolve().parent / "results"


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

    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "onnxruntime": onnxruntime.__version__, "date": time.strftime("%Y-%m-%d")}


def to_markdown(report: dict) -> str:
    lines = [f"Machine: {report['machine']['cpu']}, {report['machine']['cores']} cores, onnxruntime "
             f"{report['machine']['onnxruntime']}, {report['machine']['date']}. Command: `{report['command']}`.", ""]
    for threads, block in report["latency"]["threads"].items():
        lines += [f"### Latency per message, {threads} thread(s), batch 1", "",
                  "| tokens | detect_emotion p50 / p95 / p99 ms | model only p50 ms | bert-base shape p50 ms | speed-up |",
                  "|---|---|---|---|---|"]
        for tokens, row in block["by_tokens"].items():
            d = row["detect_emotion"]
            ref = row.get("bert_base_shape_model_only", {}).get("p50_ms", "–")
            lines.append(f"| {tokens} | {d['p50_ms']} / {d['p95_ms']} / {d['p99_ms']} | {row['model_only']['p50_ms']} "
                         f"| {ref} | {row.get('speedup_vs_bert_base', '–')}× |")
        lines += ["", "| batch size (32-token messages) | messages/s |", "|---|---|"]
        lines += [f"| {size} | {v['messages_per_s']} |" for size, v in block["batch_32_tokens"].items()]
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats and settings (under 2 minutes)")
    args = parser.parse_args()
    report = {"command": "python -m benchmarks" + (" --quick" if args.quick else ""), "machine": machine(),
              "latency": latency.run(quick=args.quick)}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    markdown = to_markdown(report)
    (RESULTS / "latest.md").write_text(markdown + "\n", encoding="utf-8")
    print(markdown)


if __name__ == "__main__":
    main()
