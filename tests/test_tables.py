"""Checks on the generated lexical tables in src/empathkit/data (built by tools/build_tables.py)."""
from __future__ import annotations

import csv
import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "empathkit" / "data"
SCRIPT = ROOT / "tools" / "build_tables.py"

HEADERS = {
    "emoji.tsv": ["emoji", "name_zh", "valence", "source"],
    "emoticons.tsv": ["name", "meaning_zh", "valence", "sarcastic", "platforms", "source"],
    "kaomoji.tsv": ["pattern", "meaning_zh", "valence", "source"],
    "slang.tsv": ["surface", "standard", "kind", "valence", "source"],
}
GENERATED = sorted(HEADERS) + ["TABLES.md"]
SLANG_KINDS = {"homophone", "typo", "abbrev", "profanity", "laughter", "intensifier"}


def read(name: str) -> list[dict[str, str]]:
    text = (DATA / name).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    assert reader.fieldnames == HEADERS[name]
    rows = list(reader)
    for row in rows:
        assert None not in row and all(v is not None for v in row.values()), row
    return rows


def by_key(name: str) -> dict[str, dict[str, str]]:
    key = HEADERS[name][0]
    return {row[key]: row for row in read(name)}


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_parses_with_header_and_tidy(name: str) -> None:
    raw = (DATA / name).read_bytes()
    assert raw.endswith(b"\n") and b"\r" not in raw
    lines = raw.decode("utf-8").split("\n")[:-1]
    assert lines[0].split("\t") == HEADERS[name]
    for line in lines[1:]:
        fields = line.split("\t")
        assert len(fields) == len(HEADERS[name]), line
        for field in fields:
            assert field and field == field.strip(), line
    assert len(read(name)) == len(lines) - 1


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_keys_unique_and_sorted(name: str) -> None:
    key = HEADERS[name][0]
    keys = [row[key] for row in read(name)]
    assert len(keys) == len(set(keys))
    assert keys == sorted(keys)


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_valence_in_range(name: str) -> None:
    for row in read(name):
        assert -1.0 <= float(row["valence"]) <= 1.0, row
        assert row["source"]


def test_column_values() -> None:
    for row in read("emoticons.tsv"):
        assert row["sarcastic"] in {"0", "1"}
        assert row["platforms"] and "" not in row["platforms"].split(",")
    for row in read("slang.tsv"):
        assert row["kind"] in SLANG_KINDS
        assert row["surface"] == row["surface"].lower()


def test_emoji_rows() -> None:
    emoji = by_key("emoji.tsv")
    assert emoji["😡"]["valence"].startswith("-")
    assert emoji["🙂"]["source"] == "hand" and float(emoji["🙂"]["valence"]) < 0
    # both spellings of a variation-selector emoji are present with the same values
    assert emoji["❤️"]["name_zh"] == emoji["❤"]["name_zh"]
    assert emoji["❤️"]["valence"] == emoji["❤"]["valence"]
    # skin tones, ZWJ sequences, flags and keycaps are all covered; skin-tone words are dropped
    assert emoji["👍🏽"]["name_zh"] == emoji["👍"]["name_zh"]
    for e in ("👨\u200d👩\u200d👧", "🇨🇳", "1\ufe0f\u20e3"):
        assert e in emoji
    assert not any("肤色" in row["name_zh"] or "_" in row["name_zh"] or ":" in row["name_zh"] for row in emoji.values())
    assert len(emoji) > 3900


def test_emoticon_rows() -> None:
    emo = by_key("emoticons.tsv")
    assert emo["微笑"]["sarcastic"] == "1"
    assert emo["Smile"]["sarcastic"] == "1"
    assert emo["doge"]["sarcastic"] == "1"
    assert emo["Facepalm"]["meaning_zh"] == "捂脸"
    assert "發怒" in emo  # traditional form of [发怒]
    assert set(emo["微笑"]["platforms"].split(",")) >= {"wechat", "qq", "weibo"}


def test_slang_and_kaomoji_rows() -> None:
    slang = by_key("slang.tsv")
    assert slang["肿么"]["standard"] == "怎么"
    assert slang["气si了"]["standard"] == "气死了"
    assert slang["氣si了"]["standard"] == "气死了"
    assert "opencc" in slang["氣si了"]["source"]
    assert "腫麼" in slang
    assert "亲" not in slang and "差评" not in slang and "投诉" not in slang
    kaomoji = by_key("kaomoji.tsv")
    for pattern in ("orz", "T_T", ":)", "(╯°□°)╯︵ ┻━┻"):
        assert pattern in kaomoji
    # keys are stored width-folded: no full-width ASCII anywhere
    for name in ("kaomoji.tsv", "emoticons.tsv", "slang.tsv"):
        for key in by_key(name):
            assert not any("\uff01" <= ch <= "\uff5e" or ch == "\u3000" for ch in key), key


def test_build_is_deterministic(tmp_path: Path) -> None:
    pytest.importorskip("emoji")
    pytest.importorskip("emosent")
    pytest.importorskip("opencc")
    for run in ("a", "b"):
        subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path / run)], check=True, capture_output=True)

    def digest(folder: Path) -> dict[str, str]:
        return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in GENERATED}

    first = digest(tmp_path / "a")
    assert first == digest(tmp_path / "b")
    assert first == digest(DATA), "committed tables differ from a fresh build: rerun tools/build_tables.py"
