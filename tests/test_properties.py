"""Properties over arbitrary strings: no crash, spans inside the input, masks keep length."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import empathkit

# Text with CJK, emoji, full-width forms, control characters and lone surrogates mixed in.
pieces = st.sampled_from(["气si了", "😡", "👨‍👩‍👧", "[微笑]", "［捂脸］", "！！！", "？？", "……", "啊啊啊", "hhh", "233",
                          "yyds", "T_T", "(╯°□°）╯", "13812345678", "138****5678", "订单号", "路88号", "\x00", "\ud800",
                          "\u200d", "\ufe0f", "🏻", "ＴＭＤ", " ", "\n", "呵呵", "謝謝"])
messy = st.lists(st.one_of(st.text(max_size=12), pieces), max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(messy)
def test_cues_point_into_the_input(text):
    for cue in empathkit.read_cues(text):
        assert 0 <= cue.start < cue.end <= len(text)
        assert text[cue.start:cue.end] == cue.text


@settings(max_examples=300, deadline=None)
@given(messy)
def test_normalize_never_crashes_and_maps_back_into_the_input(text):
    normalized = empathkit.normalize(text)
    assert len(normalized.starts) == len(normalized.ends) == len(normalized.text)
    for start, end in zip(normalized.starts, normalized.ends):
        assert 0 <= start <= end <= len(text)
    assert "\x00" not in normalized.text
    assert not any("\ud800" <= ch <= "\udfff" for ch in normalized.text)
    if normalized.text:
        start, end = normalized.to_original(0, len(normalized.text))
        assert 0 <= start <= end <= len(text)


@settings(max_examples=300, deadline=None)
@given(messy)
def test_mask_pii_keeps_length_and_spans_are_inside(text):
    masked = empathkit.mask_pii(text)
    assert len(masked.text) == len(text)
    for span in masked.spans:
        assert 0 <= span.start < span.end <= len(text)
    for match in re.finditer(r"(?<![0-9A-Za-z])13812345678(?![0-9])", text):
        assert masked.text[match.start():match.end()] != "13812345678"


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=["Lo"]), max_size=30))
def test_script_conversion_round_trips_on_simplified_text(text):
    from empathkit.script import to_simplified

    simplified = to_simplified(text)
    for variant in ("t", "hk"):
        back = to_simplified(empathkit.convert_script(simplified, variant))
        assert len(back) == len(simplified)


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=200))
def test_decoded_binary_garbage_is_handled(data):
    text = data.decode("utf-8", errors="surrogateescape")
    empathkit.normalize(text)
    empathkit.mask_pii(text)
