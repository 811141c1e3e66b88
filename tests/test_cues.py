"""Cue readers: one golden case per cue kind in both scripts, spans into the original text."""
from __future__ import annotations

import pytest

import empathkit
from empathkit.cues import fold

from .conftest import load_golden

GOLDEN_CUES = load_golden("cues")


@pytest.mark.parametrize("case", GOLDEN_CUES, ids=[c["text"] for c in GOLDEN_CUES])
def test_golden_cues_are_read_with_kind_span_and_meaning(case):
    cues = empathkit.read_cues(case["text"])
    got = [(cue.kind, cue.text) for cue in cues]
    assert len(cues) == len(case["cues"]), got
    for cue, (kinds, surface, meaning) in zip(cues, case["cues"]):
        assert cue.kind in kinds.split("|"), (cue, kinds)
        assert cue.text == surface
        assert case["text"][cue.start:cue.end] == surface
        assert cue.meaning, cue
        if meaning is not None:
            assert cue.meaning == meaning


def test_fold_keeps_length_and_folds_width_and_case():
    assert fold("ＴＭＤ！？Ａb") == "tmd!?ab"
    assert len(fold("ｘ𝕏😡")) == len("ｘ𝕏😡")


def test_smiling_emoticon_is_marked_sarcastic():
    (cue,) = empathkit.read_cues("好的[微笑]")
    assert cue.sarcastic


def test_angry_emoji_leans_negative_and_thumbs_up_positive():
    angry, = empathkit.read_cues("😡")
    thumbs, = empathkit.read_cues("👍")
    assert angry.valence < 0 < thumbs.valence


def test_profanity_raises_intensity_more_than_an_abbreviation():
    profanity, = empathkit.read_cues("tmd")
    abbrev, = empathkit.read_cues("yyds")
    assert profanity.intensity > abbrev.intensity
    assert profanity.valence < 0


def test_longer_punctuation_runs_are_more_intense():
    two, = empathkit.read_cues("到了吗？？")
    five, = empathkit.read_cues("到了吗？？？？？")
    assert five.intensity > two.intensity


def test_unknown_bracket_names_are_not_cues():
    assert empathkit.read_cues("[订单x]和[数字x]") == ()


def test_cues_do_not_overlap_and_are_sorted():
    cues = empathkit.read_cues("哈哈哈哈😂😂[捂脸]！！！tmd气si了")
    assert [c.start for c in cues] == sorted(c.start for c in cues)
    for left, right in zip(cues, cues[1:]):
        assert left.end <= right.start


def test_user_dict_adds_slang(tmp_path):
    table = tmp_path / "slang.tsv"
    table.write_text("# my slang\n绝绝子\t非常好\tabbrev\t0.8\n", encoding="utf-8")
    analyzer = empathkit.Analyzer(user_dict=table)
    cue, = analyzer.read_cues("这个客服绝绝子")
    assert (cue.text, cue.meaning, cue.kind, cue.valence) == ("绝绝子", "非常好", "abbrev", 0.8)
    assert "非常好" in analyzer.normalize("这个客服绝绝子").text


def test_user_dict_mapping_and_bad_file(tmp_path):
    analyzer = empathkit.Analyzer(user_dict={"蚌埠住了": "绷不住了"})
    assert analyzer.read_cues("我蚌埠住了")[0].meaning == "绷不住了"
    with pytest.raises(empathkit.InputError):
        empathkit.Analyzer(user_dict=tmp_path / "missing.tsv")
