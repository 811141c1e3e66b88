"""The empathkit command: arguments, stdin, files, demo; JSON lines out, personal data masked."""
from __future__ import annotations

import json
import subprocess
import sys

from empathkit.cli import main


def run_cli(args, stdin=None):
    return subprocess.run([sys.executable, "-m", "empathkit", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8")


def test_text_arguments_give_one_json_line_each(capsys):
    assert main(["--task", "cues", "气si了😡", "谢谢[抱拳]"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [len(line["cues"]) for line in lines] == [2, 1]


def test_output_is_masked_unless_asked(capsys):
    main(["--task", "pii", "电话13812345678"])
    assert "13812345678" not in capsys.readouterr().out
    main(["--task", "pii", "--no-mask", "电话13812345678"])
    assert "13812345678" in json.loads(capsys.readouterr().out)["text"]


def test_stdin_and_module_entry_point():
    done = run_cli(["--task", "script"], stdin="我的快遞呢\n\nhello\n")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["script"]["script"] for line in lines] == ["traditional", "non_chinese"]


def test_files_of_each_kind(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("第一条\n第二条😡\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"msg": "好的[微笑]"}\n', encoding="utf-8")
    (tmp_path / "c.csv").write_text("id,text\n1,谢谢\n2,\"急急急，快点\"\n", encoding="utf-8")
    assert main(["--task", "cues", str(tmp_path / "a.txt")]) == 0
    assert main(["--task", "cues", "-f", str(tmp_path / "b.jsonl"), "--field", "msg"]) == 0
    assert main(["--task", "cues", "-f", str(tmp_path / "c.csv")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5


def test_demo_runs():
    done = run_cli(["demo"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("reply    : ") == 4
    assert done.stdout.count("emotion  : ") == 4


def test_demo_json():
    done = run_cli(["demo", "--json"])
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == 4 and all("cues" in line and "reply" in line for line in lines)
    assert all(line["reply"]["layers"]["affective"] for line in lines)


def test_a_bad_option_is_one_error_line_and_status_2(capsys):
    for option in (["--threads", "0"], ["--max-tokens", "4"]):
        assert main([*option, "你好"]) == 2
        captured = capsys.readouterr()
        assert captured.out == "" and captured.err.startswith("empathkit: ") and len(captured.err.splitlines()) == 1


def test_max_tokens_option_reaches_the_model(capsys):
    long_text = "我上周买的洗衣机到现在还没有送到，打了好几次电话都说在路上，" * 20 + "再不送到我就投诉！"
    main(["--task", "emotion", long_text])
    default = json.loads(capsys.readouterr().out)
    main(["--task", "emotion", "--max-tokens", "64", long_text])
    assert json.loads(capsys.readouterr().out) != default


def test_an_unreadable_file_is_one_error_line(tmp_path):
    bad_json = tmp_path / "bad.jsonl"
    bad_json.write_text('{"text": "你好"}\nnot json\n', encoding="utf-8")
    not_utf8 = tmp_path / "bad.txt"
    not_utf8.write_bytes(b"\xff\xfe\x00bad")
    for path, says in ((tmp_path / "missing.txt", "cannot read"), (bad_json, "bad.jsonl:2: not a JSON line"),
                       (not_utf8, "not UTF-8 text"), (tmp_path, "cannot read")):
        done = run_cli(["-f", str(path), "--task", "script"])
        assert done.returncode == 1 and done.stdout == ""
        assert done.stderr.startswith("empathkit: ") and says in done.stderr and "Traceback" not in done.stderr
