"""mask_pii: find and mask phone numbers, ID-card numbers, bank cards, e-mail addresses and street addresses.

Masks keep the length of what they hide, so offsets into the original text stay valid in the masked text:
``13812345678`` → ``138****5678`` (the mainland convention, which also keeps already-masked numbers
readable), ID and bank numbers keep only their last digits, e-mail keeps the domain, addresses keep their
city and district and hide the street and number.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from .errors import require_text
from .results import Masked, PiiSpan

_MASK = "*"
_NOT_DIGIT_BEFORE = r"(?<![0-9A-Za-z])"
_NOT_DIGIT_AFTER = r"(?![0-9])"
_STAR = r"[*＊xX×]"

# Mainland mobile: 1[3-9] + 9 digits, optional +86/86 prefix, optional 3-4-4 separators, or masked middle.
_CN_MOBILE = re.compile(
    _NOT_DIGIT_BEFORE
    + r"(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}[ -]?\d{4}|" + _STAR + r"{4}\d{4}|\d" + _STAR + r"{4}\d{3})"
    + _NOT_DIGIT_AFTER
)
# Hong Kong: 8 digits starting 2-9 after +852/852/(852); or 4-4 with a space/hyphen after the prefix.
_HK_PHONE = re.compile(_NOT_DIGIT_BEFORE + r"(?:\+852|\(852\)|852)[ -]?[2-9]\d{3}[ -]?(?:\d{4}|" + _STAR + r"{4})" + _NOT_DIGIT_AFTER)
# Taiwan mobile 09xx-xxx-xxx (or +886 9xx…), masked middle allowed.
_TW_MOBILE = re.compile(
    _NOT_DIGIT_BEFORE
    + r"(?:(?:\+886|886)[ -]?9\d{2}|09\d{2})[ -]?(?:\d{3}[ -]?\d{3}|" + _STAR + r"{3}[ -]?\d{3})"
    + _NOT_DIGIT_AFTER
)
# Landlines: mainland 0xx(x)-xxxxxxx(x) with area code, TW (0x)xxxx-xxxx, 400/800 service lines.
_LANDLINE = re.compile(
    _NOT_DIGIT_BEFORE
    + r"(?:\(0\d{1,3}\)\s?\d{3,4}-?\d{4}|0\d{2,3}-\d{7,8}|[48]00[ -]?\d{3}[ -]?\d{4})"
    + _NOT_DIGIT_AFTER
)
# Mainland resident ID: 17 digits + check digit/X (checked below), and masked forms 110***********123X.
_CN_ID = re.compile(_NOT_DIGIT_BEFORE + r"(?:\d{17}[\dXx]|\d{3,6}" + _STAR + r"{6,12}\d{2,4}[\dXx]?)" + _NOT_DIGIT_AFTER)
_HK_ID = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,2}\d{6}\s?\(?[0-9A]\)?(?![A-Za-z0-9])")
_TW_ID = re.compile(r"(?<![A-Za-z0-9])[A-Z][12]\d{8}(?![A-Za-z0-9])")
# Bank cards: 16-19 digits, optionally in groups of 4; accepted only if Luhn-valid (see _luhn_ok).
_BANK_CARD = re.compile(_NOT_DIGIT_BEFORE + r"(?:\d{4}[ -]){3}\d{4}(?:[ -]?\d{1,3})?|" + _NOT_DIGIT_BEFORE + r"\d{16,19}" + _NOT_DIGIT_AFTER)
# The lookbehind lists ASCII only: \w would also match Chinese, and 邮箱abc@163.com must be found.
_EMAIL = re.compile(r"(?<![A-Za-z0-9_.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![A-Za-z])")
# Street addresses: an optional province/city/district head, then a road/street/lane name and a door number,
# then optional building/unit/room parts. The door number is required, so 走在路上 never matches.
_CJK = r"\u4e00-\u9fff"
_NUM = r"0-9０-９一二三四五六七八九十百零〇两"
_ADDRESS = re.compile(
    rf"(?:[{_CJK}]{{2,7}}(?:省|自治区|自治區|特别行政区|特別行政區))?"
    rf"(?:[{_CJK}]{{2,7}}市)?"
    rf"(?:[{_CJK}]{{1,7}}(?:区|區|县|縣|镇|鎮|乡|鄉))?"
    rf"[{_CJK}{_NUM}]{{1,12}}(?:路|街|道|巷|弄|里|胡同|大道|段)"
    rf"(?:[{_NUM}]+(?:段|巷|弄))?"
    rf"[{_NUM}]+(?:号|號)"
    rf"(?:[{_CJK}{_NUM}A-Za-z\-]{{0,12}}?(?:室|楼|樓|栋|棟|单元|單元|座|层|層|号房|號房|F|f)){{0,3}}"
)
# Words that lead into an address but are not part of it (寄到北京市… masks 北京市…).
_ADDRESS_LEAD = re.compile(r"^(?:我家|我|家|收货|收貨|新的?|地址|改|寄|送|发|發|到|往|至|在|住|是|为|為|成|：|:)+")
_ADDRESS_HEAD = re.compile(rf"^(?:[{_CJK}]{{2,7}}(?:省|自治区|自治區|特别行政区|特別行政區))?(?:[{_CJK}]{{2,7}}市)?(?:[{_CJK}]{{1,7}}(?:区|區|县|縣))?")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, ch in enumerate(reversed(digits)):
        value = ord(ch) - 48
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


# ISO 7064 MOD 11-2 weights and check characters of the mainland resident ID (GB 11643-1999).
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def _cn_id_ok(value: str) -> bool:
    if _STAR_CHARS.intersection(value):
        return True  # an already-masked ID: its shape is the evidence
    if len(value) != 18:
        return False
    check = _ID_CHECK[sum(int(d) * w for d, w in zip(value[:17], _ID_WEIGHTS)) % 11]
    return value[17].upper() == check


_STAR_CHARS = frozenset("*＊xX×")


def _keep_edges(value: str, head: int, tail: int) -> str:
    chars = list(value)
    digits = [i for i, ch in enumerate(chars) if ch.isalnum() and ch not in _STAR_CHARS]
    keep = set(digits[:head]) | set(digits[len(digits) - tail:] if tail else [])
    return "".join(ch if (i in keep or not (ch.isalnum() or ch in _STAR_CHARS)) else _MASK for i, ch in enumerate(chars))


def _mask_phone(value: str) -> str:
    digits = [ch for ch in value if ch.isdigit()]
    # Keep the prefix (country code and first 3 digits of the number) and the last 4.
    return _keep_edges(value, head=len(digits) - 8 if len(digits) > 11 else 3, tail=4)


def _mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    return local[:1] + _MASK * (len(local) - 1) + "@" + domain


def _mask_address(value: str) -> str:
    head = _ADDRESS_HEAD.match(value)
    keep = head.end() if head else 0
    return value[:keep] + _MASK * (len(value) - keep)


_Finder = Callable[[str], Iterable[tuple[int, int]]]


def _regex_finder(pattern: re.Pattern[str], accept: Callable[[str], bool] | None = None) -> _Finder:
    def find(text: str) -> Iterable[tuple[int, int]]:
        for match in pattern.finditer(text):
            if accept is None or accept(match.group()):
                yield match.start(), match.end()
    return find


def _address_spans(text: str) -> Iterable[tuple[int, int]]:
    for match in _ADDRESS.finditer(text):
        lead = _ADDRESS_LEAD.match(match.group())
        start = match.start() + (lead.end() if lead else 0)
        if start < match.end():
            yield start, match.end()


def _bank_ok(value: str) -> bool:
    digits = "".join(ch for ch in value if ch.isdigit())
    return 16 <= len(digits) <= 19 and _luhn_ok(digits)


# Order matters: earlier kinds win where spans overlap (an 18-digit ID is not also a bank card).
_DETECTORS: tuple[tuple[str, _Finder, Callable[[str], str]], ...] = (
    ("email", _regex_finder(_EMAIL), _mask_email),
    ("id_card", _regex_finder(_CN_ID, _cn_id_ok), lambda v: _keep_edges(v, 0, 4)),
    ("id_card", _regex_finder(_HK_ID), lambda v: _keep_edges(v, 1, 0)),
    ("id_card", _regex_finder(_TW_ID), lambda v: _keep_edges(v, 1, 0)),
    ("phone", _regex_finder(_CN_MOBILE), _mask_phone),
    ("phone", _regex_finder(_HK_PHONE), _mask_phone),
    ("phone", _regex_finder(_TW_MOBILE), _mask_phone),
    ("phone", _regex_finder(_LANDLINE), _mask_phone),
    ("bank_card", _regex_finder(_BANK_CARD, _bank_ok), lambda v: _keep_edges(v, 0, 4)),
    ("address", lambda text: _address_spans(text), _mask_address),
)


def find_pii(text: str) -> tuple[PiiSpan, ...]:
    """Spans of personal data in ``text``, in order, without overlaps (earlier detectors win)."""
    require_text(text)
    taken: list[PiiSpan] = []
    for kind, find, _ in _DETECTORS:
        for start, end in find(text):
            if any(start < span.end and span.start < end for span in taken):
                continue
            taken.append(PiiSpan(kind, start, end))
    return tuple(sorted(taken, key=lambda span: span.start))


_MASKERS = {}
for _kind, _find, _masker in _DETECTORS:
    _MASKERS.setdefault(_kind, []).append(_masker)


def mask_pii(text: str) -> Masked:
    """Mask personal data in ``text``: phones (mainland, HK, TW, landlines, already-masked forms), ID-card
    numbers (mainland with check digit, HK, TW), bank cards (Luhn-valid), e-mail addresses, street addresses.

    Args:
        text: any string.

    Returns:
        A :class:`Masked` whose ``text`` has the same length as the input and whose ``spans`` say what was
        masked where.

    Raises:
        TypeError: if ``text`` is not a str.
    """
    spans = find_pii(text)
    if not spans:
        return Masked(text, ())
    pieces: list[str] = []
    cursor = 0
    for span in spans:
        pieces.append(text[cursor:span.start])
        pieces.append(_mask_span(span, text[span.start:span.end]))
        cursor = span.end
    pieces.append(text[cursor:])
    return Masked("".join(pieces), spans)


def _mask_span(span: PiiSpan, value: str) -> str:
    for kind, find, masker in _DETECTORS:
        if kind != span.kind:
            continue
        if any((s, e) == (0, len(value)) for s, e in find(value)):
            return masker(value)
    return _MASK * len(value)
