"""Write ``examples/notebook.ipynb`` with real outputs, without Jupyter: ``python examples/build_notebook.py``.

The cells below are run in order in one namespace, as a kernel would run them: what a cell prints becomes a
``stream`` output, and the value of its last expression an ``execute_result`` with ``text/plain`` (its repr)
and, when it has ``_repr_html_``, ``text/html``. Edit the cells here and rerun; never edit the .ipynb by hand.
"""
from __future__ import annotations

import ast
import contextlib
import io
import json
import pprint
import sys
from pathlib import Path
from typing import Any

NOTEBOOK = Path(__file__).with_name("notebook.ipynb")

# (kind, source) in order; kind is "markdown" or "code".
CELLS: list[tuple[str, str]] = [
    ("markdown", """\
# empathkit in a notebook

Read a Chinese customer's message the way a senior service agent does: the **feeling** behind it
(`detect_emotion`), the **facts** in it (`extract_keyinfo`), and **what to say back** (`suggest_response`) —
offline, on the CPU. Every result is a frozen dataclass with `to_dict()` and an HTML view, so the last
expression of a cell shows as a table."""),
    ("code", """\
import empathkit

empathkit.__version__"""),
    ("markdown", """\
## 1. The feeling: `detect_emotion`

One of 8 emotions with all 8 scores, polarity in [-1, 1], intensity in [0, 1], the escalation / sarcasm /
urgency flags, and the cues it read (emoji, `[微笑]`-style emoticons, `！！！`, slang such as `肿么`).
Simplified and traditional script are read alike. The repr never shows the customer's text."""),
    ("code", """\
messages = {
    "simplified": "客服你好，我11月20号下的订单到现在三天了还没收到，明天就要用，肿么回事啊？？？😡",
    "traditional": "東西收到了，包裝很用心，謝謝你們[抱拳]",
    "emoji": "终于到了😭😭😭等了一个星期",
    "sarcasm": "呵呵，又是'正在处理'，你们效率真是高啊[微笑]",
}
for name, text in messages.items():
    print(f"{name:12} {empathkit.detect_emotion(text)}")"""),
    ("markdown", """\
The sarcastic message: the `[微笑]` emoticon and `呵呵` are read as cold cues, and the sarcasm flag is raised.
Its HTML view lists every score, flag and cue:"""),
    ("code", """\
emotion = empathkit.detect_emotion(messages["sarcasm"])
print(emotion.label_zh, emotion.polarity_label, emotion.flags.raised())
emotion"""),
    ("markdown", """\
## 2. Many messages at once: `detect_emotion_batch`

The batch function runs the model on many messages per call (much faster per message than a loop of single
calls). `to_dict()` gives flat top-level scalars, so a list of them is a table: `pandas.DataFrame(rows)` turns
it into a DataFrame if you have pandas. Here we keep a few columns and mask the text with `mask_pii`."""),
    ("code", """\
inbox = [
    "再不给我退款我就去12315投诉，tmd气si了！！！",
    "请问这款有没有黑色的？",
    "谢谢客服小姐姐，问题解决了❤️",
    "我的手机13812345678，快递员一直不接电话，急急急",
]
results = empathkit.detect_emotion_batch(inbox)
keep = ("label", "polarity", "intensity", "flag_escalation", "flag_urgency")
rows = [{"text": empathkit.mask_pii(text).text, **{k: r.to_dict()[k] for k in keep}}
        for text, r in zip(inbox, results)]
rows"""),
    ("markdown", """\
## 3. The facts: `extract_keyinfo`

STAR key information (situation, task, action, result) as verbatim spans, typed entities (order ids, phones,
amounts, dates, durations, products…) and an intent. `restate()` is the sentence an agent says back to
confirm, with personal data masked and in the customer's script."""),
    ("code", """\
info = empathkit.extract_keyinfo(messages["simplified"])
print(info)
print(info.restate())
info"""),
    ("code", """\
order = empathkit.extract_keyinfo("订单号123456789012还没发货，电话13812345678，我要退款299元")
print(order.restate())
[(e.type, e.to_dict()["text"]) for e in order.entities]"""),
    ("markdown", """\
## 4. What to say back: `suggest_response`

A three-layer reply (what happened, the feeling at its strength, what will be done) with a triage decision.
It promises only what `offers` allows; `tone` is `warm`, `formal` or `brief`; `address` is `您`, `亲`,
`先生` or `女士`. Pass the emotion and key information you already have to avoid computing them again.
`explain()` says what the reply was built from."""),
    ("code", """\
text = messages["simplified"]
reply = empathkit.suggest_response(text, emotion=empathkit.detect_emotion(text), keyinfo=info,
                                   offers=["expedite", "compensation"], tone="formal", address="亲")
print(reply.text)
print()
print(reply.explain())"""),
    ("code", """\
for tone in ("warm", "formal", "brief"):
    print(f"{tone:7}", empathkit.suggest_response(inbox[0], offers=["refund"], tone=tone).text)"""),
    ("code", """\
reply"""),
    ("markdown", """\
## 5. Personal data: `mask_pii`

Phones, ID cards, bank cards (Luhn-checked), e-mail and street addresses are masked; the length is kept, so
offsets into the original are offsets into the masked text."""),
    ("code", """\
masked = empathkit.mask_pii("我的手机13812345678，邮箱：zhang.san@example.com，地址北京市朝阳区建国路88号")
print(masked.text)
masked"""),
]


def _split_last_expression(source: str) -> tuple[ast.Module, ast.Expression | None]:
    """The cell as statements to exec, plus its last expression to eval (None if it ends in a statement)."""
    tree = ast.parse(source)
    last = tree.body[-1] if tree.body else None
    if isinstance(last, ast.Expr):
        tree.body.pop()
        return tree, ast.Expression(last.value)
    return tree, None


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _plain(value: Any) -> str:
    """The ``text/plain`` form of a value: pretty-printed containers (as IPython shows them), else the repr."""
    return pprint.pformat(value, width=110) if isinstance(value, (list, dict, tuple)) else repr(value)


def run_cell(source: str, namespace: dict[str, Any], count: int) -> list[dict[str, Any]]:
    """Run one code cell in ``namespace``; return its outputs in nbformat 4 form."""
    body, last = _split_last_expression(source)
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        exec(compile(body, f"<cell {count}>", "exec"), namespace)
        value = eval(compile(last, f"<cell {count}>", "eval"), namespace) if last is not None else None
    outputs: list[dict[str, Any]] = []
    if stdout.getvalue():
        outputs.append({"output_type": "stream", "name": "stdout", "text": _lines(stdout.getvalue())})
    if value is not None:
        data = {"text/plain": _lines(_plain(value))}
        if hasattr(value, "_repr_html_"):
            data["text/html"] = _lines(value._repr_html_())
        outputs.append({"output_type": "execute_result", "execution_count": count, "data": data, "metadata": {}})
    return outputs


def build() -> dict[str, Any]:
    """The notebook as an nbformat 4 dict, every code cell run in order in one namespace."""
    namespace: dict[str, Any] = {"__name__": "__main__"}
    cells: list[dict[str, Any]] = []
    count = 0
    for number, (kind, source) in enumerate(CELLS, start=1):
        cell: dict[str, Any] = {"cell_type": kind, "id": f"cell-{number:02d}", "metadata": {}, "source": _lines(source)}
        if kind == "code":
            count += 1
            cell["execution_count"] = count
            cell["outputs"] = run_cell(source, namespace, count)
        cells.append(cell)
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python", "version": ".".join(map(str, sys.version_info[:3]))},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def main() -> int:
    """Build the notebook and write it next to this script."""
    notebook = build()
    NOTEBOOK.write_text(json.dumps(notebook, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {NOTEBOOK} ({sum(c['cell_type'] == 'code' for c in notebook['cells'])} code cells)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
