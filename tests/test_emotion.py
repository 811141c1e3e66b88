"""The shipped emotion model: golden cases in both scripts, result shape, batch = single, determinism."""
from __future__ import annotations

import math

import pytest

import empathkit
from empathkit.labels import EMOTIONS

from .conftest import load_golden

GOLDEN = load_golden("emotion")
# Cases the shipped model is known to get wrong stay in the golden set as strict xfails: they document the
# failure (docs/model-card.md) and turn into failures the day a better model fixes them.
GOLDEN_PARAMS = [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["known_failure"]))
                 if "known_failure" in c else c for c in GOLDEN]


@pytest.mark.parametrize("case", GOLDEN_PARAMS, ids=[c["text"] for c in GOLDEN])
def test_golden_emotions(case):
    result = empathkit.detect_emotion(case["text"])
    assert result.label == case["label"], result
    assert result.polarity_label == case["polarity"], result


def test_scores_cover_all_classes_and_sum_to_one():
    result = empathkit.detect_emotion("快递三天了还没到？？？😡")
    assert tuple(result.scores) == EMOTIONS
    assert math.isclose(sum(result.scores.values()), 1.0, abs_tol=1e-6)
    assert result.label == max(result.scores, key=result.scores.get)
    assert -1.0 <= result.polarity <= 1.0 and 0.0 <= result.intensity <= 1.0
    for value in result.flags.to_dict().values():
        assert 0.0 <= value <= 1.0


def test_cues_and_script_are_reported():
    result = empathkit.detect_emotion("氣si了😡！！！")
    assert [c.kind for c in result.cues][:2] in (["homophone", "emoji"], ["typo", "emoji"])
    assert result.script.script == "traditional"


def test_strong_anger_is_more_intense_than_a_plain_question():
    angry = empathkit.detect_emotion("你们到底还发不发货！！！气死我了😡😡")
    calm = empathkit.detect_emotion("请问什么时候发货")
    assert angry.intensity > calm.intensity
    assert angry.polarity < calm.polarity


def test_escalation_threat_raises_the_flag():
    result = empathkit.detect_emotion("再不退款我就去12315投诉你们")
    assert result.flags.escalation > 0.5


def test_urgency_raises_the_flag():
    result = empathkit.detect_emotion("明天就要用，急急急，能不能今天发货")
    assert result.flags.urgency > 0.5


def test_blank_message_is_neutral_without_running_the_model():
    result = empathkit.detect_emotion("   ")
    assert result.label == "neutral" and result.scores["neutral"] == 1.0 and result.cues == ()


def test_only_emoji_is_read():
    assert empathkit.detect_emotion("😡😡😡").polarity < 0
    assert empathkit.detect_emotion("👍👍😄").polarity > 0


def test_batch_and_single_agree():
    # The shipped graph quantizes activations per row (MatMulNBits, blocks of 64), so a message's scores do not
    # depend on the other messages of its batch or on padding: equal up to float rounding.
    texts = [c["text"] for c in GOLDEN] + ["", "😡", "好的[微笑]", "x" * 3000]
    batch = empathkit.detect_emotion_batch(texts, batch_size=4)
    for text, result in zip(texts, batch):
        single = empathkit.detect_emotion(text)
        assert single.label == result.label
        for name in EMOTIONS:
            assert math.isclose(single.scores[name], result.scores[name], abs_tol=1e-4)


def test_a_model_onnxruntime_cannot_load_is_a_resource_error(monkeypatch):
    import onnxruntime

    from empathkit.errors import ResourceError
    from empathkit.runtime import Runtime

    def refuse(*args, **kwargs):
        raise RuntimeError("Only 4b quantization is supported for MatMulNBits op")

    monkeypatch.setattr(onnxruntime, "InferenceSession", refuse)
    with pytest.raises(ResourceError, match="onnxruntime >= 1.22"):
        Runtime()


def test_same_input_same_output():
    first = empathkit.detect_emotion("东西坏了，怎么办").to_dict()
    assert empathkit.detect_emotion("东西坏了，怎么办").to_dict() == first


def test_to_dict_is_one_flat_row():
    row = empathkit.detect_emotion("谢谢").to_dict()
    assert row["label"] == "gratitude"
    assert {f"score_{n}" for n in EMOTIONS} <= set(row)
    assert {"flag_escalation", "flag_sarcasm", "flag_urgency"} <= set(row)


def test_repr_hides_the_message():
    result = empathkit.detect_emotion("我的手机13812345678打不通")
    assert "1381234" not in repr(result) and "手机" not in repr(result)
    assert "<table>" in result._repr_html_()


def test_max_tokens_option_sets_how_much_of_a_long_message_the_model_reads():
    long_text = "我上周买的洗衣机到现在还没有送到，打了好几次电话都说在路上，" * 20 + "再不送到我就投诉！"
    default, shorter = empathkit.Analyzer(), empathkit.Analyzer(max_tokens=64)
    trained_at = default._runtime.get().spec.max_tokens  # what model.json says
    assert trained_at >= 128 and len(default._runtime.get().encode([long_text])[0]) == trained_at
    ids = shorter._runtime.get().encode([long_text])[0]
    assert len(ids) == 64 and ids[-1] == default._runtime.get().encode([long_text])[0][-1]  # the tail is kept
    assert shorter.detect_emotion(long_text).scores != default.detect_emotion(long_text).scores
    short = "快递三天了还没到，怎么回事？"
    assert shorter.detect_emotion(short) == default.detect_emotion(short)  # a short message is read whole either way


def test_threads_option_is_honoured():
    analyzer = empathkit.Analyzer(threads=1)
    assert analyzer.detect_emotion("谢谢").label == "gratitude"


@pytest.mark.parametrize("text", ["人呢？？？", "结果呢 ?", "还没到吗？？", "快递太慢了", "你们的速度呢", "到底怎么回事",
                                  "還沒到嗎？？", "快遞太慢了", "不是說今天到嗎"])
def test_impatience_cues_are_found_in_both_scripts(text):
    from empathkit.emotion import impatience

    assert impatience(text)


@pytest.mark.parametrize("text", ["在吗", "你好，我想查一下物流", "谢谢你们，很快就到了", "这款有货吗?"])
def test_plain_questions_and_thanks_carry_no_impatience(text):
    from empathkit.emotion import impatience

    assert impatience(text) is None


@pytest.mark.parametrize("text", ["结果呢 ?", "你们的速度呢", "結果呢 ?", "你們的速度呢"])
def test_impatience_is_read_as_anger(text, monkeypatch):
    # The CS dev set's convention (training/devsets/README_cs_emotion.md, rules 4 and 6): waiting nudges are
    # anger; an impatience cue multiplies the model's odds of anger by 4. Without it these read otherwise.
    import empathkit.emotion as emotion

    with_cue = empathkit.detect_emotion(text)
    monkeypatch.setattr(emotion, "_IMPATIENCE_LOGIT", 0.0)
    without = empathkit.detect_emotion(text)
    assert with_cue.label == "anger" and without.label != "anger"
    odds = lambda r: r.scores["anger"] / (1 - r.scores["anger"])  # noqa: E731
    assert odds(with_cue) == pytest.approx(4 * odds(without), rel=1e-6)
