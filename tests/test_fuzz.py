"""Every public function under arbitrary input: arbitrary unicode, decoded binary, huge text, wrong types.

The contract (README, "Bad input"): a non-str raises ``TypeError``; any string gives a valid result — never a
crash deep inside, never a hang. Results must also serialise (``to_dict()`` is what services send on).
"""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import empathkit

# Arbitrary unicode (surrogates and controls included), and bytes decoded the ways a service might.
ANY_TEXT = st.one_of(
    st.text(max_size=120),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80) | st.sampled_from(
        list("！？。，😡🙂[微笑]～ 0123456789订单号元")), max_size=80),
    st.binary(max_size=120).map(lambda b: b.decode("utf-8", "surrogateescape")),
    st.binary(max_size=120).map(lambda b: b.decode("latin-1")),
)
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _serialises(result) -> None:
    json.dumps(result.to_dict(), ensure_ascii=False)


@FUZZ
@given(text=ANY_TEXT)
def test_text_functions_never_crash(text: str) -> None:
    emotion = empathkit.detect_emotion(text)
    assert emotion.label in emotion.scores
    assert abs(sum(emotion.scores.values()) - 1.0) < 1e-3
    assert -1.0 <= emotion.polarity <= 1.0 and 0.0 <= emotion.intensity <= 1.0
    _serialises(emotion)
    info = empathkit.extract_keyinfo(text)
    _serialises(info)
    assert isinstance(info.restate(), str)
    reply = empathkit.suggest_response(text, emotion=emotion, keyinfo=info)
    _serialises(reply)
    assert reply.text
    _serialises(empathkit.audit_reply(text, reply.text))
    assert isinstance(empathkit.check_reply(text, text), tuple)
    _serialises(empathkit.normalize(text))
    _serialises(empathkit.mask_pii(text))
    _serialises(empathkit.detect_script(text))
    assert isinstance(empathkit.read_cues(text), tuple)
    for variant in ("cn", "tw", "hk", "t"):
        assert isinstance(empathkit.convert_script(text, variant), str)


@FUZZ
@given(turns=st.lists(st.tuples(st.sampled_from(["customer", "agent"]), ANY_TEXT), max_size=5))
def test_dialogue_never_crashes(turns: list[tuple[str, str]]) -> None:
    _serialises(empathkit.analyze_dialogue(turns))


@settings(max_examples=10, deadline=None)
@given(texts=st.lists(ANY_TEXT, max_size=6))
def test_batches_never_crash_and_match_lengths(texts: list[str]) -> None:
    assert len(empathkit.detect_emotion_batch(texts)) == len(texts)
    assert len(empathkit.extract_keyinfo_batch(texts)) == len(texts)
    assert len(empathkit.suggest_response_batch(texts)) == len(texts)


@pytest.mark.parametrize("text", [
    "快递" * 300_000,                       # 600k characters of Chinese
    "😡！" * 200_000,                       # only emoji and punctuation
    "a" * 1_000_000,                        # 1 MB of one letter, no spaces
    "\x00\ufffe\ud800" * 50_000,            # controls, non-characters, lone surrogates
])
def test_huge_input_is_bounded(text: str) -> None:
    emotion = empathkit.detect_emotion(text)
    assert emotion.truncated
    info = empathkit.extract_keyinfo(text)
    assert info.truncated
    assert empathkit.suggest_response(text, emotion=emotion, keyinfo=info).text
    assert empathkit.audit_reply(text, text).score >= 0


@pytest.mark.parametrize("motif", ["?", "!?", "三", "1", "1号", "[数字x]", "买了", "。", "哈" * 60 + "好的", "谢谢哈"])
def test_long_runs_of_one_motif_are_read(motif: str) -> None:
    # Runs like these once sent backtracking patterns quadratic or worse (5,000 "?" took 30 s): the functions
    # must return, with spans that index the input.
    text = (motif * (5_000 // len(motif) + 1))[:5_000]
    emotion = empathkit.detect_emotion(text)
    assert all(text[c.start:c.end] == c.text for c in emotion.cues)
    info = empathkit.extract_keyinfo(text)
    assert all(text[e.start:e.end] == e.text for e in info.entities)
    assert empathkit.suggest_response(text, emotion=emotion, keyinfo=info).text
    assert empathkit.audit_reply(text, text).score >= 0


@pytest.mark.parametrize("bad", [None, 3, 2.5, b"bytes", ["list"], {"text": "dict"}])
def test_non_strings_raise_type_error(bad: object) -> None:
    one_arg = (empathkit.detect_emotion, empathkit.extract_keyinfo, empathkit.suggest_response,
               empathkit.normalize, empathkit.mask_pii, empathkit.detect_script, empathkit.read_cues)
    for function in one_arg:
        with pytest.raises(TypeError):
            function(bad)
    with pytest.raises(TypeError):
        empathkit.audit_reply(bad, "好的")
    with pytest.raises(TypeError):
        empathkit.check_reply(bad)
    with pytest.raises(TypeError):
        empathkit.convert_script(bad, "tw")
    with pytest.raises(TypeError):
        empathkit.detect_emotion_batch([bad])
