"""Smoke tests of the examples: quickstart, the HTTP service, the batch script and the saved notebook."""
from __future__ import annotations

import contextlib
import csv
import http.client
import importlib.util
import io
import json
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
MESSAGES = [
    "客服你好，我11月20号下的订单到现在三天了还没收到，明天就要用，肿么回事啊？？？😡",
    "東西收到了，包裝很用心，謝謝你們[抱拳]",
    "我的手机13812345678，再不退款我就投诉",
    "",
]


def load_example(name: str) -> ModuleType:
    """Import ``examples/<name>.py`` by path."""
    spec = importlib.util.spec_from_file_location(f"examples_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_quickstart_runs():
    done = run_script(str(EXAMPLES / "quickstart.py"))
    assert done.returncode == 0, done.stderr
    assert "EmotionResult(label=" in done.stdout and "138****5678" in done.stdout


# ---------------------------------------------------------------------- service
@pytest.fixture(scope="module")
def service_url(analyzer) -> Iterator[str]:
    service = load_example("service")
    server = service.make_server("127.0.0.1", 0, analyzer=analyzer, log_requests=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def request(url: str, body: Any = None, raw: bytes | None = None) -> tuple[int, dict[str, Any]]:
    """(status, JSON answer) of a GET, or of a POST when ``body`` or ``raw`` is given."""
    data = raw if raw is not None else None if body is None else json.dumps(body).encode("utf-8")
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read().decode("utf-8"))


def test_service_health(service_url):
    status, answer = request(service_url + "/health")
    assert status == 200 and answer["status"] == "ok"


def test_service_analyze(service_url):
    status, answer = request(service_url + "/analyze", {"text": MESSAGES[0], "offers": ["expedite"], "tone": "formal"})
    assert status == 200, answer
    assert set(answer) == {"emotion", "keyinfo", "reply"}
    assert answer["emotion"]["label"] == "anger"
    assert answer["keyinfo"]["intent"] == "delivery_status" and answer["keyinfo"]["restate"]
    assert answer["reply"]["emotion"] == "anger" and "加急" in answer["reply"]["text"]


def test_service_single_jobs_and_batch(service_url):
    status, emotion = request(service_url + "/emotion", {"text": MESSAGES[1]})
    assert status == 200 and emotion["polarity_label"] == "positive"
    status, info = request(service_url + "/keyinfo", {"text": MESSAGES[2]})
    assert status == 200 and "13812345678" not in json.dumps(info, ensure_ascii=False)
    status, reply = request(service_url + "/reply", {"text": MESSAGES[2], "offers": ["refund"]})
    assert status == 200 and reply["text"] and reply["priority"] in ("P1", "P2", "P3", "P4")
    status, batch = request(service_url + "/batch/emotion", {"texts": MESSAGES})
    assert status == 200 and [r["label"] for r in batch["results"]][-1] == "neutral"
    assert len(batch["results"]) == len(MESSAGES)


def test_service_answers_concurrent_requests_like_serial_ones(service_url):
    bodies = [{"text": text, "offers": ["refund"]} for text in MESSAGES] * 3
    serial = [request(service_url + "/analyze", body) for body in bodies[:len(MESSAGES)]]
    with ThreadPoolExecutor(max_workers=6) as pool:
        parallel = list(pool.map(lambda body: request(service_url + "/analyze", body), bodies))
    assert parallel == serial * 3


@pytest.mark.parametrize("path,body,raw", [
    ("/analyze", None, b"{not json"),
    ("/analyze", None, b"[1, 2]"),
    ("/emotion", {"txt": "typo"}, None),
    ("/emotion", {"text": 42}, None),
    ("/reply", {"text": "你好", "tone": "rude"}, None),       # InputError from the library
    ("/reply", {"text": "你好", "offers": "refund"}, None),    # not a list
    ("/batch/emotion", {"texts": "one string"}, None),
])
def test_service_bad_requests_are_400(service_url, path, body, raw):
    status, answer = request(service_url + path, body, raw)
    assert status == 400 and answer["error"]


def test_service_unknown_path_and_wrong_method(service_url):
    assert request(service_url + "/nope", {"text": "x"})[0] == 404
    assert request(service_url + "/nope")[0] == 404
    assert request(service_url + "/emotion")[0] == 405


def test_service_body_over_limit_is_413(service_url):
    host, port = service_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:  # announce a 2 MB body but send none: the server must answer before reading it
        connection.request("POST", "/emotion", body=b"", headers={"Content-Length": str(2 << 20)})
        response = connection.getresponse()
        assert response.status == 413 and json.loads(response.read())["error"]
    finally:
        connection.close()


# ---------------------------------------------------------------------- batch
def test_batch_csv_to_csv(tmp_path):
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "msg"])
        writer.writerows([[i, text] for i, text in enumerate(MESSAGES, start=1)])
    done = run_script(str(EXAMPLES / "batch.py"), str(source), str(target), "--field", "msg")
    assert done.returncode == 0, done.stderr
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["id"] for row in rows] == ["1", "2", "3", "4"]
    for column in ("emotion", "polarity", "intensity", "flag_urgency", "intent", "restate", "reply", "priority",
                   "route"):
        assert column in rows[0]
    assert rows[0]["emotion"] == "anger" and rows[0]["intent"] == "delivery_status"
    assert rows[2]["msg"] == "我的手机138****5678，再不退款我就投诉"  # masked by default
    assert "13812345678" not in target.read_text(encoding="utf-8")
    assert rows[3]["emotion"] == "neutral" and rows[3]["reply"]


def test_batch_jsonl_to_jsonl_emotion_unmasked(tmp_path):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("".join(json.dumps({"text": t, "n": i}, ensure_ascii=False) + "\n"
                              for i, t in enumerate(MESSAGES[:3])), encoding="utf-8")
    done = run_script(str(EXAMPLES / "batch.py"), str(source), str(target), "--task", "emotion", "--no-mask",
                      "--batch-size", "2")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [row["n"] for row in rows] == [0, 1, 2]
    assert [row["text"] for row in rows] == MESSAGES[:3]
    assert set(rows[0]) == {"text", "n", "emotion"} and rows[0]["emotion"]["label"] == "anger"


def test_batch_reports_a_missing_column(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("id,body\n1,你好\n", encoding="utf-8")
    done = run_script(str(EXAMPLES / "batch.py"), str(source), str(tmp_path / "out.csv"))
    assert done.returncode != 0 and "no column 'text'" in done.stderr


# ---------------------------------------------------------------------- notebook
def test_notebook_is_saved_with_outputs_and_still_runs():
    notebook = json.loads((EXAMPLES / "notebook.ipynb").read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code and all(cell["outputs"] for cell in code)
    assert any("text/html" in out.get("data", {}) for cell in code for out in cell["outputs"])
    namespace: dict[str, Any] = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        for number, cell in enumerate(code, start=1):
            exec(compile("".join(cell["source"]), f"<notebook cell {number}>", "exec"), namespace)
    assert namespace["reply"].text and namespace["rows"]
