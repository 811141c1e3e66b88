"""Simplified / traditional (Taiwan, Hong Kong) detection and conversion, with OpenCC.

Detection counts characters that OpenCC would change in each direction: a character that ``t2s`` changes
exists only in traditional script, one that ``s2t`` changes exists only in simplified script; characters
shared by both scripts (人, 的, 我) are evidence of neither. Regional variants come from characters and
words each region writes differently (HK 裏/着 and Cantonese particles, TW 裡/著 and Taiwan words).
"""
from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from .errors import InputError, require_text
from .results import ScriptInfo

if TYPE_CHECKING:  # pragma: no cover
    import opencc

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Cantonese particles and words written in Hong Kong (never in Taiwan or mainland Mandarin prose).
_HK_MARKERS = re.compile(r"[嘅咗喺冇啲佢嗰嚟嘢攞俾哋噉咩㗎喎啱嘥諗睇]|唔該|唔好|唔係|點解|而家|邊度|係咪|港幣|港元|HK\$")
# Taiwan-standard character forms and Taiwan-only words.
_TW_MARKERS = re.compile(r"[裡著]|網路|軟體|影片|計程車|捷運|超商|宅配|蝦皮|臺灣|台灣|新台幣|NT\$|台幣|喔|唷")
# OpenCC configurations: to the model's simplified form, and back to each regional variant.
_TO_VARIANT = {"t": "s2t", "tw": "s2tw", "hk": "s2hk"}
# A message whose minority script has under this share of the script-specific characters is not "mixed":
# one stray simplified character in a traditional message is a typing accident (chosen by reading examples).
_MIXED_MINORITY_SHARE = 0.2

_converters: dict[str, "opencc.OpenCC"] = {}
_converters_lock = threading.Lock()


def converter(config: str) -> "opencc.OpenCC":
    """The OpenCC converter for ``config`` (``s2t``, ``t2s``, ``s2twp``, ``s2hk`` …), built once per process."""
    found = _converters.get(config)
    if found is None:
        with _converters_lock:
            found = _converters.get(config)
            if found is None:
                import opencc

                found = opencc.OpenCC(config)
                _converters[config] = found
    return found


def _changed_positions(original: str, converted: str) -> int:
    if len(original) == len(converted):
        return sum(1 for a, b in zip(original, converted) if a != b)
    # OpenCC phrase rules changed the length (rare for s2t/t2s): fall back to per-character conversion.
    return -1


def _count_changed(text: str, config: str) -> int:
    conv = converter(config)
    changed = _changed_positions(text, conv.convert(text))
    if changed >= 0:
        return changed
    return sum(1 for ch in text if conv.convert(ch) != ch)


def detect_script(text: str) -> ScriptInfo:
    """Detect the script and regional variant of ``text``.

    Args:
        text: any string.

    Returns:
        A :class:`ScriptInfo`. Text with no Han character is ``non_chinese`` (``empty`` when blank);
        text written only with characters both scripts share counts as ``simplified``.

    Raises:
        TypeError: if ``text`` is not a str.
    """
    require_text(text)
    if not text.strip():
        return ScriptInfo("empty", "cn")
    han = "".join(_HAN.findall(text))
    if not han:
        return ScriptInfo("non_chinese", "cn")
    traditional = _count_changed(han, "t2s")
    simplified = _count_changed(han, "s2t")
    if traditional == 0:
        return ScriptInfo("simplified", "cn", simplified, 0, len(han))
    if simplified == 0 or simplified / (simplified + traditional) < _MIXED_MINORITY_SHARE:
        script = "traditional"
    elif traditional / (simplified + traditional) < _MIXED_MINORITY_SHARE:
        return ScriptInfo("simplified", "cn", simplified, traditional, len(han))
    else:
        script = "mixed"
    if script == "mixed" and simplified >= traditional:
        variant = "cn"
    elif _HK_MARKERS.search(text):
        variant = "hk"
    elif _TW_MARKERS.search(text):
        variant = "tw"
    else:
        variant = "t"
    return ScriptInfo(script, variant, simplified, traditional, len(han))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(text: str) -> str:
    """Lone surrogates cannot be handed to OpenCC (UTF-8 only): replace each by U+FFFD, keeping the length."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def to_simplified(text: str) -> str:
    """Convert ``text`` to simplified script character by character (the length never changes)."""
    text = _encodable(require_text(text))
    conv = converter("t2s")
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    return "".join(piece if len(piece := conv.convert(ch)) == 1 else ch for ch in text)


def to_variant(text: str, variant: str) -> str:
    """Convert simplified ``text`` to the customer's variant: ``cn`` (unchanged), ``t``, ``tw`` or ``hk``.

    Conversion is by character (OpenCC s2t, s2tw, s2hk), so it round-trips; regional wording is the reply builder's job.

    Raises:
        TypeError: if ``text`` is not a str.
        InputError: if ``variant`` is not one of the four.
    """
    require_text(text)
    if variant == "cn":
        return text
    config = _TO_VARIANT.get(variant)
    if config is None:
        raise InputError(f"variant must be one of 'cn', 't', 'tw', 'hk', got {variant!r}")
    return converter(config).convert(_encodable(text))
