"""Bad input gets a typed error or a sensible result, never a crash deep inside or a hang."""
from __future__ import annotations

import time

import pytest

import empathkit

PUBLIC_TEXT_FUNCTIONS = [empathkit.normalize, empathkit.read_cues, empathkit.mask_pii, empathkit.detect_script,
                         empathkit.detect_emotion, empathkit.extract_keyinfo, empathkit.suggest_response]


@pytest.mark.parametrize("function", PUBLIC_TEXT_FUNCTIONS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("value", [None, 42, b"bytes", ["list"]], ids=repr)
def test_non_str_is_a_type_error_naming_the_type(function, value):
    with pytest.raises(TypeError, match=type(value).__name__):
        function(value)


@pytest.mark.parametrize("function", [empathkit.detect_emotion_batch, empathkit.extract_keyinfo_batch,
                                      empathkit.suggest_response_batch], ids=lambda f: f.__name__)
def test_batch_functions_reject_a_bare_string_and_non_str_items(function):
    with pytest.raises(TypeError):
        function("一条消息")
    with pytest.raises(TypeError, match=r"\[1\]"):
        function(["ok", None])


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\u200b\u200d"])
def test_blank_input_gives_an_empty_result(text):
    normalized = empathkit.normalize(text)
    assert normalized.text == "" and normalized.cues == ()
    assert empathkit.mask_pii(text).spans == ()


def test_one_megabyte_is_truncated_quickly():
    text = ("快递怎么还没到？？？😡" * 100_000)[:1_000_000]
    started = time.perf_counter()
    normalized = empathkit.normalize(text)
    assert time.perf_counter() - started < 30  # generous bound: a hang would take forever
    assert normalized.truncated and normalized.original_length == 1_000_000
    assert len(normalized.text) < 20_000  # 5,000 characters read; an emoji may become a few words
    assert max(normalized.ends) == 1_000_000 or max(normalized.ends) > 990_000


def test_truncated_cues_point_into_the_original_tail():
    text = "好" * 10_000 + "气si了😡"
    cues = empathkit.read_cues(text)
    assert [c.text for c in cues][-2:] == ["气si了", "😡"]
    assert all(text[c.start:c.end] == c.text for c in cues)


def test_bad_options_are_input_errors():
    with pytest.raises(empathkit.InputError):
        empathkit.Analyzer(threads=0)
    with pytest.raises(empathkit.InputError):
        empathkit.Analyzer(max_chars=3)
    for max_tokens in (0, 7, 513, True, 256.0, "256"):
        with pytest.raises(empathkit.InputError):
            empathkit.Analyzer(max_tokens=max_tokens)


def test_wrongly_typed_options_name_the_option():
    # Before, these failed deep inside: "can only concatenate str (not "datetime.timedelta") to str" and
    # "'int' object is not iterable".
    with pytest.raises(TypeError, match="reference_time must be"):
        empathkit.extract_keyinfo("昨天下午三点下的单", reference_time="2026-01-01")
    with pytest.raises(TypeError, match="reference_time must be"):
        empathkit.suggest_response("昨天下午三点下的单", reference_time=20260101)
    with pytest.raises(TypeError, match="offers must be an iterable"):
        empathkit.suggest_response("快递三天了还没到", offers=5)


@pytest.mark.parametrize("turns, says", [([None], "expected a dict"), ([{}], "needs a 'text'"),
                                         ([{1: "a", "role": "customer"}], "needs a 'text'"),
                                         ([("customer", "你好", "extra")], "a tuple turn must be")])
def test_a_malformed_turn_says_what_shape_a_turn_has(turns, says):
    with pytest.raises(TypeError, match=says):
        empathkit.analyze_dialogue(turns)


def test_reused_results_and_user_dict_of_the_wrong_type_name_the_option():
    # Before, emotion="anger" and keyinfo={} failed with AttributeError deep inside the reply builder.
    with pytest.raises(TypeError, match="emotion must be"):
        empathkit.suggest_response("快递三天了还没到", emotion="anger")
    with pytest.raises(TypeError, match="keyinfo must be"):
        empathkit.suggest_response("快递三天了还没到", keyinfo={})
    with pytest.raises(TypeError, match="user_dict must be"):
        empathkit.Analyzer(user_dict=5)


def test_named_tuple_rows_with_role_and_text_are_turns():
    # pandas' DataFrame.itertuples() gives named tuples (Index, role, text): read by attribute, not as a pair.
    import collections

    row = collections.namedtuple("Row", "Index role text")
    result = empathkit.analyze_dialogue([row(0, "customer", "快递三天了还没到"), row(1, "agent", "我马上帮您查")])
    assert [t.role for t in result.turns] == ["customer", "agent"]
