"""Chinese numerals, durations and dates as customers write them, turned into numbers and normalized values.

Three readers, each a pure function of simplified text:

- :func:`parse_number` reads a number written in Chinese numerals, Arabic digits or both
  (三百五十 → 350, 两千零五 → 2005, 1.5万 → 15000, 一百二 → 120, 半 → 0.5);
- :func:`duration_value` reads a quantified span of time into an ISO-8601 duration
  (三天 → ``P3D``, 半个月 → ``P0.5M``, 一个半小时 → ``PT1.5H``); ranges and approximations use ``~``
  (三到五天 → ``P3D~P5D``, 两个多小时 → ``PT2H~PT3H``);
- :func:`datetime_value` reads a point in time into the reference-free code of the key-information dev set
  (``training/devsets/README_keyinfo.md``): ``<day>[<weekday/day-of-month>][T<time>]``, e.g. 明天晚上六点 →
  ``+1dT18:00``, 昨晚 → ``-1dTevening``, 上周五 → ``-1wW5``, 11月20号 → ``M11D20``, 双十一 → ``双十一``;
  :func:`resolve_datetime` turns such a code into an ISO date or date-time against a reference datetime.

Masked placeholders (``[数字x]``) carry no number: expressions built on them keep only what is recoverable
(``明天上午[数字x]点`` → ``+1dTmorning``), and a fully masked one reads as ``None``.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Final

__all__ = [
    "CN_DIGITS", "NUMBER", "parse_number", "duration_value", "datetime_value", "resolve_datetime",
]

_DIGIT_VALUES: Final = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "幺": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3, "四": 4,
    "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_SMALL_UNITS: Final = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS: Final = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
_TENS_SHORTHAND: Final = {"廿": 20, "卅": 30}

CN_DIGITS: Final = "零〇○一幺壹二两贰三叁四肆五伍六陆七柒八捌九玖"
"""Characters that read as a single Chinese digit."""
_CN_NUMERAL_CHARS = CN_DIGITS + "十拾百佰千仟万萬亿廿卅"
NUMBER: Final = (
    rf"(?:\d+(?:[.,]\d+)*(?:\.\d+)?[十百千万亿]?[万亿]?|[{_CN_NUMERAL_CHARS}]+)"
)
"""Regular expression (a string) for one number in Arabic digits, Chinese numerals, or digits with a unit."""

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def _as_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _parse_section(text: str) -> int | None:
    """A Chinese numeral below 10 000 (三百五十, 两千零五, 一百二, 十五); ``None`` if it is not one."""
    if not text:
        return 0
    if all(ch in _DIGIT_VALUES for ch in text):  # digit by digit: 二零零五 → 2005
        return int("".join(str(_DIGIT_VALUES[ch]) for ch in text))
    total = 0
    number: int | None = None
    last_unit = 10_000
    for index, ch in enumerate(text):
        if ch in _DIGIT_VALUES:
            if number is not None and number != 0 and _DIGIT_VALUES[ch] != 0:
                return None  # two digits in a row inside a unit numeral (三五十) is not a number
            number = _DIGIT_VALUES[ch]
        elif ch in _TENS_SHORTHAND:
            total += _TENS_SHORTHAND[ch]
            last_unit = 10
            number = None
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if unit >= last_unit:
                return None  # units must fall: 百千 is not a number
            if number is None:
                if unit != 10 or index != 0:
                    return None
                number = 1  # 十五 = 15: a leading 十 means one ten
            total += number * unit
            number = None
            last_unit = unit
        else:
            return None
    if number is not None:
        # Colloquial shorthand: a lone digit right after a unit counts in the next unit down
        # (一百二 = 120, 三千五 = 3500); after 零 it is a plain unit digit (两千零五 = 2005).
        if last_unit >= 100 and len(text) >= 2 and text[-2] in _SMALL_UNITS:
            total += number * last_unit // 10
        else:
            total += number
    return total


def _parse_chinese(text: str) -> int | None:
    for big_char, big in sorted(_BIG_UNITS.items(), key=lambda item: -item[1]):
        if big_char in text:
            head, _, tail = text.partition(big_char)
            head_value = _parse_chinese(head) if head else 1
            if head_value is None:
                return None
            if tail and len(tail) == 1 and tail in _DIGIT_VALUES and _DIGIT_VALUES[tail]:
                tail_value: int | None = _DIGIT_VALUES[tail] * big // 10  # 一万五 = 15 000
            else:
                tail_value = _parse_chinese(tail.lstrip("零〇○")) if tail else 0
            if tail_value is None:
                return None
            return head_value * big + tail_value
    return _parse_section(text)


def parse_number(text: str) -> int | float | None:
    """Read one number written in Chinese numerals, Arabic digits, or digits with a Chinese unit.

    Args:
        text: the numeral alone, e.g. ``三百五十``, ``两千零五``, ``1.5万``, ``一万五``, ``3,000``, ``半``,
            ``一个半`` or ``二零零五`` (digit by digit). Full-width digits are accepted.

    Returns:
        The value as an ``int`` when it is whole, else a ``float``; ``None`` when ``text`` is not a number
        (``几``, ``十几``, ``[数字x]``, empty).
    """
    text = text.strip().translate(_FULLWIDTH_DIGITS)
    if not text:
        return None
    if text == "半":
        return 0.5
    half = re.fullmatch(r"(.+?)个?半", text)
    if half:
        whole = parse_number(half.group(1))
        return None if whole is None else _as_number(whole + 0.5)
    arabic = re.fullmatch(r"(\d+(?:,\d{3})*(?:\.\d+)?)([十百千万亿萬]*)", text)
    if arabic:
        value = float(arabic.group(1).replace(",", ""))
        for ch in arabic.group(2):
            value *= _SMALL_UNITS.get(ch) or _BIG_UNITS[ch]
        return _as_number(round(value, 6))
    if not all(ch in _CN_NUMERAL_CHARS for ch in text):
        return None
    return _parse_chinese(text)


# --------------------------------------------------------------------------------------------------------
# Durations
# --------------------------------------------------------------------------------------------------------

# Unit words → (ISO designator, whether it belongs after the ISO "T").
_DURATION_UNITS: Final = (
    ("个工作日", "D", False), ("工作日", "D", False), ("个小时", "H", True), ("小时", "H", True),
    ("个钟头", "H", True), ("钟头", "H", True), ("个钟", "H", True), ("分钟", "M", True), ("秒钟", "S", True),
    ("秒", "S", True), ("个星期", "W", False), ("星期", "W", False), ("个礼拜", "W", False), ("礼拜", "W", False),
    ("周", "W", False), ("个月", "M", False), ("月", "M", False), ("年", "Y", False), ("天", "D", False),
    ("日", "D", False),
)
_UNIT_ALTERNATION = "|".join(re.escape(unit) for unit, _, _ in _DURATION_UNITS)
_DURATION_SHAPE = re.compile(
    rf"^(?P<num>.+?)(?:(?P<range>[-~到至])(?P<num2>.+?))?"
    rf"(?P<more>多)?(?P<ge>个)?(?P<half>半)?(?P<more1>多)?(?P<unit>{_UNIT_ALTERNATION})(?P<more2>多)?$"
)


def _iso_duration(number: float, designator: str, timed: bool) -> str:
    value = _as_number(number)
    return f"P{'T' if timed else ''}{value}{designator}"


def _more_step(number: float) -> float:
    """How far 多 reaches: 十多天 = 10–20 days, 两个多小时 = 2–3 hours (from the place value of the number)."""
    if number >= 10 and float(number).is_integer() and int(number) % 10 == 0:
        step = 1
        while number % (step * 10) == 0 and step * 10 <= number:
            step *= 10
        return float(step)
    return 1.0


def duration_value(text: str) -> str | None:
    """The ISO-8601 duration of a quantified span of time.

    Args:
        text: the expression alone, in simplified script, e.g. ``三天``, ``两个多小时``, ``半个月``,
            ``一个半小时``, ``一整天``, ``3-5天``, ``十五个工作日``.

    Returns:
        ``P3D``, ``PT2H~PT3H``, ``P0.5M``, ``PT1.5H``, ``P1D``, ``P3D~P5D``, ``P15D``…; ``None`` when the count
        is masked or vague (``[数字x]天``, ``几天``) or ``text`` is not a duration.
    """
    text = text.strip().translate(_FULLWIDTH_DIGITS).replace("一整", "一").removeprefix("整整")
    if text.startswith("半") and len(text) > 1:
        text = "0.5" + text[1:].removeprefix("个")
    match = _DURATION_SHAPE.match(text)
    if match is None:
        return None
    unit = match.group("unit")
    designator, timed = next((d, t) for u, d, t in _DURATION_UNITS if u == unit)
    number = parse_number(match.group("num"))
    if number is None:
        return None
    if match.group("half"):
        number += 0.5
    if match.group("num2"):
        upper = parse_number(match.group("num2"))
        if upper is None:
            return None
        return f"{_iso_duration(number, designator, timed)}~{_iso_duration(upper, designator, timed)}"
    if match.group("more") or match.group("more1") or match.group("more2"):
        upper_value = number + _more_step(number)
        return f"{_iso_duration(number, designator, timed)}~{_iso_duration(upper_value, designator, timed)}"
    return _iso_duration(number, designator, timed)


# --------------------------------------------------------------------------------------------------------
# Points in time
# --------------------------------------------------------------------------------------------------------

_RELATIVE_DAYS: Final = (
    ("大后天", "+3d"), ("大前天", "-3d"), ("后天", "+2d"), ("前天", "-2d"), ("明天", "+1d"), ("明日", "+1d"),
    ("明早", "+1d"), ("明晚", "+1d"), ("明儿", "+1d"), ("今天", "+0d"), ("今日", "+0d"), ("今早", "+0d"),
    ("今晚", "+0d"), ("今儿", "+0d"), ("当天", "+0d"), ("昨天", "-1d"), ("昨日", "-1d"), ("昨晚", "-1d"),
    ("昨儿", "-1d"), ("去年", "-1y"), ("前年", "-2y"), ("今年", "+0y"), ("明年", "+1y"), ("上个月", "-1m"),
    ("上月", "-1m"), ("这个月", "+0m"), ("本月", "+0m"), ("下个月", "+1m"), ("下月", "+1m"),
)
# Parts of the day carried inside a relative-day word (今晚 = today, evening).
_DAY_WORD_PART: Final = {"明早": "morning", "今早": "morning", "明晚": "evening", "今晚": "evening", "昨晚": "evening"}
_PARTS_OF_DAY: Final = (
    ("凌晨", "early"), ("清晨", "morning"), ("早上", "morning"), ("早晨", "morning"), ("一早", "morning"),
    ("上午", "morning"), ("早", "morning"), ("中午", "noon"), ("午", "noon"), ("下午", "afternoon"),
    ("傍晚", "evening"), ("晚上", "evening"), ("夜里", "evening"), ("半夜", "early"), ("晚", "evening"),
)
_WEEKDAYS: Final = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "末": 0}
# Festivals with a fixed solar date (month, day); lunar ones keep only their name.
_SOLAR_FESTIVALS: Final = {
    "双十一": (11, 11), "双11": (11, 11), "双十二": (12, 12), "双12": (12, 12), "618": (6, 18), "元旦": (1, 1),
    "国庆": (10, 1), "国庆节": (10, 1), "五一": (5, 1), "劳动节": (5, 1), "情人节": (2, 14), "圣诞": (12, 25),
    "圣诞节": (12, 25), "平安夜": (12, 24), "妇女节": (3, 8), "儿童节": (6, 1),
}
_LUNAR_FESTIVALS: Final = ("春节", "除夕", "元宵", "元宵节", "端午", "端午节", "七夕", "中秋", "中秋节", "重阳", "年三十")
_CLOCK = re.compile(
    r"(?P<hour>\d{1,2}|[零一二两三四五六七八九十]{1,3}|\[数字x\])(?:点|点钟|时)"
    r"(?:(?P<half>半)|(?P<quarter>一刻|三刻)|(?P<minute>\d{1,2}|[零一二三四五六七八九十]{1,3}|\[数字x\])分?(?:钟)?)?(?P<more>多)?"
    r"|(?P<hh>\d{1,2})[:：](?P<mm>\d{2})"
)
_MONTH_DAY = re.compile(
    r"(?:(?P<year>\d{4}|[零〇一二三四五六七八九]{4})年)?"
    r"(?:(?P<month>\d{1,2}|[一二三四五六七八九十]{1,3}|\[数字x\])(?:月份?|/|-|\.))?"
    r"(?P<day>\d{1,2}|[一二三四五六七八九十廿卅]{1,3}|\[数字x\])(?:号|日)"
)
_WEEKDAY = re.compile(r"(?P<week>上上|上|下下|下|这|本)?(?:个)?(?:周|星期|礼拜)(?P<day>[一二三四五六日天末])")


def _clock_code(match: re.Match[str], part: str | None) -> str | None:
    """``HH:MM`` for a clock time, or ``None`` when the hour is masked."""
    if match.group("hh"):
        hour, minute = int(match.group("hh")), int(match.group("mm"))
        return f"{hour:02d}:{minute:02d}" if hour < 25 and minute < 60 else None
    hour_value = parse_number(match.group("hour"))
    if hour_value is None or not float(hour_value).is_integer() or not 0 <= hour_value <= 24:
        return None
    hour = int(hour_value)
    minute = 0
    if match.group("half"):
        minute = 30
    elif match.group("quarter"):
        minute = 15 if match.group("quarter") == "一刻" else 45
    elif match.group("minute"):
        minute_value = parse_number(match.group("minute"))
        if minute_value is not None and float(minute_value).is_integer() and 0 <= minute_value < 60:
            minute = int(minute_value)
    if part in ("afternoon", "evening") and hour < 12:
        hour += 12
    elif part == "noon" and hour < 6:
        hour += 12  # 中午一点 = 13:00
    elif part is None and 1 <= hour <= 7:
        # A bare 五点 / 三点多 said during working hours means the afternoon (dev-set convention, README_keyinfo).
        hour += 12
    if hour == 24:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def datetime_value(text: str) -> str | None:
    """The reference-free code of a point in time.

    Format ``<day>[<weekday/day-of-month>][T<time>]`` (``training/devsets/README_keyinfo.md``), extended for
    weeks, months and calendar dates:

    - ``<day>``: ``+0d`` 今天, ``+1d`` 明天, ``-1d`` 昨天, ``-1y`` 去年 / 一年前, ``-1w`` 上周, ``+1w`` 下周,
      ``+0w`` 这周, ``-1m`` 上个月, ``+0m`` 这个月;
    - then ``W1``–``W7`` (周一…周日), ``weekend``, ``D20`` (20号), ``M11D20`` (11月20号), ``Y2023M11D20``;
    - then ``THH:MM`` (``T18:00``) for a clock time, or ``Tearly``/``Tmorning``/``Tnoon``/``Tafternoon``/
      ``Tevening`` for a part of the day;
    - festivals keep their name (``双十一``, ``端午``).

    Args:
        text: the whole expression in simplified script (``明天晚上六点``, ``昨天下午三点``, ``上周五``).

    Returns:
        The code, or ``None`` when nothing is recoverable (``[日期x]``, ``[数字x]号``) or ``text`` is not a time.
    """
    text = text.strip().translate(_FULLWIDTH_DIGITS)
    if not text:
        return None
    for name in sorted(_SOLAR_FESTIVALS, key=len, reverse=True) + sorted(_LUNAR_FESTIVALS, key=len, reverse=True):
        if name in text:
            return name.removesuffix("节") if name in _LUNAR_FESTIVALS else name
    day = ""
    part: str | None = None
    # A masked piece in front (``[数字x]中午``) drops out; what follows it is still recoverable.
    rest = re.sub(r"^(?:\[(?:数字|日期)x\][号日]?\s*)+(?=[^\[\s])", "", text)
    ago = re.match(rf"({NUMBER}|半)(?:个)?(年|月|周|星期|天)(?:以前|之前|前)", rest)
    if ago:
        count = parse_number(ago.group(1))
        if count is None:
            return None
        unit = {"年": "y", "月": "m", "周": "w", "星期": "w", "天": "d"}[ago.group(2)]
        return f"-{_as_number(count)}{unit}"
    for word, code in _RELATIVE_DAYS:
        if rest.startswith(word):
            day = code
            part = _DAY_WORD_PART.get(word)
            rest = rest[len(word):]
            break
    week = _WEEKDAY.match(rest)
    if week:
        week_code = {"上上": "-2w", "上": "-1w", "下下": "+2w", "下": "+1w", "这": "+0w", "本": "+0w"}.get(
            week.group("week") or "", "")
        day += week_code
        weekday = _WEEKDAYS[week.group("day")]
        day += "weekend" if weekday == 0 else f"W{weekday}"
        rest = rest[week.end():]
    elif rest.startswith("周末"):
        day += "weekend"
        rest = rest[2:]
    date = _MONTH_DAY.match(rest)
    if date:
        pieces = []
        year = date.group("year")
        if year:
            year_value = parse_number(year)
            if year_value is not None:
                pieces.append(f"Y{int(year_value)}")
        month = date.group("month")
        if month and month != "[数字x]":
            month_value = parse_number(month)
            if month_value is not None and 1 <= month_value <= 12:
                pieces.append(f"M{int(month_value)}")
        day_of_month = parse_number(date.group("day")) if date.group("day") != "[数字x]" else None
        if day_of_month is not None and 1 <= day_of_month <= 31:
            pieces.append(f"D{int(day_of_month)}")
        elif pieces and pieces[-1].startswith("M"):
            pieces.pop()  # a month without its (masked) day says too little to keep
        day += "".join(pieces)
        rest = rest[date.end():]
    for word, code_part in _PARTS_OF_DAY:
        if rest.startswith(word):
            part = code_part
            rest = rest[len(word):]
            break
    clock = _CLOCK.search(rest)
    time_code: str | None = None
    if clock and clock.start() <= 1:
        time_code = _clock_code(clock, part)
    if time_code is None and part is not None:
        time_code = part
    if not day and time_code is None:
        return None
    return day + (f"T{time_code}" if time_code else "")


_CODE = re.compile(
    r"^(?P<rel>[+-]\d+[dywm])?(?P<rel2>[+-]\d+w)?(?:W(?P<weekday>[1-7])|(?P<weekend>weekend))?"
    r"(?:Y(?P<year>\d{4}))?(?:M(?P<month>\d{1,2}))?(?:D(?P<day>\d{1,2}))?(?:T(?P<time>\d{2}:\d{2}|[a-z]+))?$"
)


def _shift_months(day: _dt.date, months: int) -> _dt.date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    return day.replace(year=year, month=month + 1, day=1)


def _nearest_year(reference: _dt.date, month: int, day: int) -> _dt.date | None:
    """The date ``month``/``day`` closest to ``reference`` (a past 11月20号 said in January is last year's)."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(_dt.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - reference).days), default=None)


def resolve_datetime(code: str, reference: _dt.datetime | _dt.date) -> str | None:
    """Resolve a code from :func:`datetime_value` against ``reference``.

    Weeks run Monday to Sunday: ``W5`` is the Friday of the reference week, ``-1wW5`` the Friday of the week
    before. A month and day without a year is the nearest such date to ``reference``. Solar festivals resolve
    to their date (the nearest one); lunar festivals (端午, 中秋, 春节 …) are not resolved.

    Args:
        code: a value returned by :func:`datetime_value`.
        reference: when the message was written.

    Returns:
        ``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM`` (clock time known), ``YYYY-MM`` (a month, 上个月) or ``YYYY``
        (a year, 去年); ``weekend`` resolves to the Saturday; ``None`` when the code names no day that can be
        placed (a lunar festival).
    """
    ref_date = reference.date() if isinstance(reference, _dt.datetime) else reference
    if code in _SOLAR_FESTIVALS:
        month, day = _SOLAR_FESTIVALS[code]
        found = _nearest_year(ref_date, month, day)
        return found.isoformat() if found else None
    match = _CODE.match(code)
    if match is None:
        return None
    target = ref_date
    rel = match.group("rel")
    if rel:
        amount, unit = int(rel[:-1]), rel[-1]
        if unit == "d":
            target = target + _dt.timedelta(days=amount)
        elif unit == "w":
            target = target + _dt.timedelta(weeks=amount)
        elif unit == "m":
            target = _shift_months(target, amount)
        elif unit == "y":
            try:
                target = target.replace(year=target.year + amount)
            except ValueError:  # 29 February
                target = target.replace(year=target.year + amount, day=28)
    if match.group("rel2"):
        target = target + _dt.timedelta(weeks=int(match.group("rel2")[:-1]))
    if match.group("weekday") or match.group("weekend"):
        weekday = int(match.group("weekday") or 6)
        target = target - _dt.timedelta(days=target.isoweekday() - 1) + _dt.timedelta(days=weekday - 1)
    if match.group("day"):
        day_of_month = int(match.group("day"))
        if match.group("year") and match.group("month"):
            try:
                target = _dt.date(int(match.group("year")), int(match.group("month")), day_of_month)
            except ValueError:
                return None
        elif match.group("month"):
            found = _nearest_year(ref_date, int(match.group("month")), day_of_month)
            if found is None:
                return None
            target = found
        else:
            try:
                target = target.replace(day=day_of_month)
            except ValueError:
                return None
    time_part = match.group("time")
    only_year = rel is not None and rel.endswith("y") and not (match.group("month") or match.group("day"))
    if only_year:
        return f"{target.year:04d}"
    only_month = rel is not None and rel.endswith("m") and not match.group("day")
    if only_month:
        return f"{target.year:04d}-{target.month:02d}"
    if time_part and ":" in time_part:
        return f"{target.isoformat()}T{time_part}"
    return target.isoformat()
