"""Typed entities in a customer message: order and waybill numbers, phones, amounts, times, products…

Every finder is a small function that reads the *matching form* of the message (:func:`matching_text`:
simplified script, full-width ASCII folded to half-width; same length as the original, so offsets carry
back unchanged) and yields ``(type, start, end, value, unit)``. :func:`find_entities` runs them in priority
order and keeps the first of any overlapping pair, so a waybill number ``VF[电话x]`` is not also a phone.

Types and values follow ``training/devsets/README_keyinfo.md``:

============  =====================================================================  ==========================
type          what                                                                   value
============  =====================================================================  ==========================
order_id      ``[订单x]``; digits or ``[数字x]`` after 订单号/单号/服务单号…, or before 此单/这单  digits, ``None`` if masked
tracking_no   SF…/JD…/YT…/VA–VZ… waybills; digit runs after 运单号/快递单号 or with a carrier name  text, ``None`` if masked
phone         :mod:`empathkit.pii` phone detectors, ``[电话x]``, a number after 电话/联系方式/号码   digits, ``None`` if masked
amount        ``[金额x]``; ¥/￥/RMB/HK$/NT$ + number; number + 元/块钱/港币…; a number in a price context  number, ``None`` if masked
datetime      days, weekdays, dates, parts of the day, clock times, festivals, ``[日期x]``     :func:`numerals.datetime_value`
duration      number + 天/小时/个月/年/周…                                                 :func:`numerals.duration_value`
product       the product lexicon (``data/products.tsv``), brand + model, 买的/买了 + a word     the text
account       ``jd_…``; an id after 账号/用户名/商家ID                                       text, ``None`` if masked
address       ``[地址x]`` with the place names in front of it; written-out addresses (pii)  text, ``None`` if masked
============  =====================================================================  ==========================
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from typing import Callable, Iterator, Protocol, Sequence, Union

from ._resources import Lazy, read_tsv
from .errors import require_text
from .keyinfo_types import Entity
from .numerals import CN_DIGITS, datetime_value, duration_value, parse_number, resolve_datetime
from .pii import find_pii
from .script import to_simplified

__all__ = ["matching_text", "find_entities", "entities_in", "product_terms", "PERSONAL_TYPES", "PRIORITY"]

Value = Union[str, int, float, None]

PRIORITY: tuple[str, ...] = (
    "tracking_no", "order_id", "account", "phone", "amount", "address", "datetime", "duration", "product",
)
"""Entity types in the order their finders run; where two spans overlap, the earlier type wins."""

PERSONAL_TYPES: frozenset[str] = frozenset({"phone", "address", "account"})
"""Types whose text and value are personal data (masked by ``KeyInfo.to_dict(mask_personal=True)``)."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
# OpenCC t2s keeps 帳 as 帐 (a simplified character of its own); customers mean 账 (到帳 = 到账).
_FOLD[ord("帐")] = ord("账")


def matching_text(text: str) -> str:
    """The form every pattern reads: simplified script, half-width ASCII, 帐 read as 账.

    Every change is one character for one character, so ``len(matching_text(text)) == len(text)`` and an
    offset into it is an offset into ``text``. Lone surrogates (which OpenCC cannot encode) read as U+FFFD.
    """
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return to_simplified(text).translate(_FOLD)


# --------------------------------------------------------------------------------------------------------
# Shared pieces of the patterns
# --------------------------------------------------------------------------------------------------------

_NUM_MASK = r"\[数字x\]"
_CN_NUM = rf"[{CN_DIGITS}十百千万两]"
# Number runs are bounded (12 digits, 6 decimals): an unbounded run made the amount, time and duration
# patterns quadratic on a long run of digits or numerals (5,000 三 took 2.5 s).
_AR_NUM = r"\d{1,12}(?:\.\d{1,6})?"
_ANY_NUM = rf"(?:{_AR_NUM}(?:万|千)?|{_CN_NUM}{{1,12}}|{_NUM_MASK})"
_CJK = "\u4e00-\u9fff"

_EMPTY = r"(?:)"
_Found = tuple[str, int, int, Value, Union[str, None]]
_Finder = Callable[[str], Iterator[_Found]]


def _masked(span: str) -> bool:
    return "x]" in span


# --------------------------------------------------------------------------------------------------------
# Identifiers: order, waybill, phone, account
# --------------------------------------------------------------------------------------------------------

_ORDER_PLACEHOLDER = re.compile(r"\[订单x\]")
# Labels in front of an order (or after-sales ticket) number; 运单号/快递单号 are waybills, 商品ID a SKU.
_ORDER_LABELED = re.compile(
    r"(?<![运递流])(?:订单编号|订单号码?|订单|单号|服务单号?|售后单号?|维修单号?|返修单号?|退货单号?|工单号?|"
    r"此单|这单|该单)\s*(?:是|为|:|;)?\s*[:;]?\s*(?P<id>\[数字x\]|\d{6,20})(?![\d])"
    r"(?!\s?(?:元|块|日|号|天|月|年|点|个|件|小时|分))"
)
# A number followed by a deictic reference to the order (``[数字x] 此单是否退款成功``).
_ORDER_BEFORE = re.compile(
    r"(?P<id>\[数字x\]|\d{8,20})(?![\d])(?:[\s,.;:]|\[订单x\]){0,8}"
    r"(?=此单|这单|这个单|这个订单|这订单|该订单|这两个订单|这几个订单|的订单|订单(?!号|编号|金额|\s*[\[\d]))"
)

_TRACKING_PREFIXED = re.compile(
    r"(?<![A-Za-z0-9])(?:V[A-Z]|JD[A-Z]?|SF|YT|ZT|YD|JT)(?:\d{8,18}|\[数字x\]|\[电话x\])(?![\d])"
)
_CARRIERS = r"中通|圆通|申通|韵达|顺丰|百世|汇通|德邦|极兔|天天快递|邮政|EMS|ems|京东快递|京东物流"
_TRACKING_LABELED = re.compile(
    r"(?:运单号?|快递单号?|物流单号?|快递号|包裹号)(?:码)?\s*(?:是|为|:)?\s*(?P<id>\[数字x\]|[A-Z]{0,3}\d{9,20})(?![\d])"
)
_TRACKING_CARRIER = re.compile(rf"(?:{_CARRIERS})[^\d\[]{{0,8}}(?P<id>\d{{10,20}}|\[数字x\])(?![\d])")

_PHONE_PLACEHOLDER = re.compile(r"\[电话x\]")
_PHONE_CONTEXT = re.compile(
    r"(?:电话号码|电话|手机号码?|联系方式|联系电话|号码|手机)\s*(?:改为|改成|换成|是|为|:|;)?\s*[:;]?\s*"
    r"(?P<id>\[数字x\](?:-\[数字x\]){0,2}|\d{7,12})(?![\d])"
)
_PHONE_BEFORE = re.compile(r"(?P<id>\[数字x\]|\d{7,12})(?![\d])\s?(?=这个号码?|这个手机号|的号码|的手机号|这个电话)")
# A name followed by a number is a contact pair (收货人 [姓名x] [数字x]).
_PHONE_AFTER_NAME = re.compile(r"\[姓名x\][\s;,:]{0,4}(?P<id>\[数字x\]|\d{7,12})(?![\d]|\s?(?:元|块|号|日|天|月|年|点|个|件|台))")

_ACCOUNT_JD = re.compile(r"(?<![A-Za-z0-9_])jd_[A-Za-z0-9_]*(?:\[数字x\][A-Za-z0-9_]*)*", re.IGNORECASE)
_ACCOUNT_LABELED = re.compile(
    r"(?:京东账号|账号|帐号|用户名|会员名|登录名|商家ID|商家id|店铺ID|店铺id|商家编号)\s*(?:是|为|:)?\s*[:;]?\s*;?\s*"
    r"(?P<id>\[数字x\]|[A-Za-z0-9_.\-]{4,32})(?![A-Za-z0-9_])"
)


_PHONE_LABEL_BEFORE = re.compile(r"(?:电话|手机|号码|联系方式|联系)[^\d\[]{0,4}$")


def _find_order(text: str) -> Iterator[_Found]:
    for match in _ORDER_PLACEHOLDER.finditer(text):
        yield "order_id", match.start(), match.end(), None, None
    for pattern in (_ORDER_LABELED, _ORDER_BEFORE):
        for match in pattern.finditer(text):
            if pattern is _ORDER_BEFORE and _PHONE_LABEL_BEFORE.search(text, max(0, match.start() - 8), match.start()):
                continue  # 我的电话是138…，订单…: the number is the phone
            value = match.group("id")
            yield "order_id", match.start("id"), match.end("id"), None if _masked(value) else value, None


def _has_carrier(text: str) -> bool:
    return re.search(_CARRIERS, text) is not None


def _find_tracking(text: str) -> Iterator[_Found]:
    for match in _TRACKING_PREFIXED.finditer(text):
        value = match.group()
        yield "tracking_no", match.start(), match.end(), None if _masked(value) else value, None
    for pattern in (_TRACKING_LABELED, _TRACKING_CARRIER):
        for match in pattern.finditer(text):
            value = match.group("id")
            yield "tracking_no", match.start("id"), match.end("id"), None if _masked(value) else value, None
    if _has_carrier(text):
        # A bare 单号 in a message that names a carrier is the carrier's waybill, not a JD order.
        for match in re.finditer(r"(?<![订])单号\s*(?:是|为|:)?\s*(?P<id>\d{10,20}|\[数字x\])(?![\d])", text):
            value = match.group("id")
            yield "tracking_no", match.start("id"), match.end("id"), None if _masked(value) else value, None


def _find_phone(text: str) -> Iterator[_Found]:
    for span in find_pii(text):
        if span.kind == "phone":
            digits = "".join(ch for ch in text[span.start:span.end] if ch.isdigit() or ch == "+")
            yield "phone", span.start, span.end, digits, None
    for match in _PHONE_PLACEHOLDER.finditer(text):
        yield "phone", match.start(), match.end(), None, None
    for pattern in (_PHONE_CONTEXT, _PHONE_BEFORE, _PHONE_AFTER_NAME):
        for match in pattern.finditer(text):
            value = match.group("id")
            yield "phone", match.start("id"), match.end("id"), None if _masked(value) else value, None


def _find_account(text: str) -> Iterator[_Found]:
    for match in _ACCOUNT_JD.finditer(text):
        value = match.group()
        yield "account", match.start(), match.end(), None if _masked(value) else value, None
    for match in _ACCOUNT_LABELED.finditer(text):
        value = match.group("id")
        yield "account", match.start("id"), match.end("id"), None if _masked(value) else value, None


# --------------------------------------------------------------------------------------------------------
# Amounts
# --------------------------------------------------------------------------------------------------------

_CURRENCY_BEFORE = {"¥": "CNY", "￥": "CNY", "rmb": "CNY", "hk$": "HKD", "nt$": "TWD", "us$": "USD", "$": "USD"}
_CURRENCY_AFTER = {
    "元": "CNY", "块钱": "CNY", "块": "CNY", "rmb": "CNY", "人民币": "CNY", "毛钱": "CNY", "毛": "CNY",
    "港币": "HKD", "港元": "HKD", "港纸": "HKD", "新台币": "TWD", "台币": "TWD", "美元": "USD", "美金": "USD",
}
_AMOUNT_NUMBER = rf"(?:\d{{1,12}}(?:,\d{{3}}){{0,4}}(?:\.\d{{1,6}})?(?:万|千)?|{_CN_NUM}{{1,12}}(?:点{_CN_NUM}{{1,6}})?|\[数字x\]|\[金额x\])"
_AMOUNT_BEFORE = re.compile(
    rf"(?P<cur>¥|￥|RMB|rmb|HK\$|hk\$|NT\$|nt\$|US\$|\$)\s?(?P<num>{_AMOUNT_NUMBER})(?:\s?元)?", re.IGNORECASE
)
_AMOUNT_AFTER = re.compile(
    rf"(?P<num>{_AMOUNT_NUMBER})(?:多)?\s?(?P<cur>块钱|元|RMB|rmb|人民币|港币|港元|港纸|新台币|台币|美元|美金|毛钱|块(?![{_CJK}]{{0,1}}(?:屏|板|表|玻璃|手表|地|石|布|肉|蛋糕|电池))|毛(?!巾|衣|病))"
)
_AMOUNT_PLACEHOLDER = re.compile(r"\[金额x\]")
# A bare number after a price word (降价[数字x], 满[数字x]减[数字x], 退给我[数字x]).
_PRICE_WORD = (
    r"降价了?|降了|便宜了?|优惠了?|差价|补差价?|价格(?:是|为|变成|变为|成了)?|价钱|售价|现价|原价|卖|"
    r"花了|付了|支付了?|退给我|退了|退回了?|返了?|满|减|降到|涨到|涨了|贵了|多花了?|保价|价保|只要|才|要|买|收我"
)
_AMOUNT_PRICE_CONTEXT = re.compile(
    rf"(?:{_PRICE_WORD})\s?(?P<num>\[数字x\]|\d+(?:\.\d+)?)"
    rf"(?!\d|\s?(?:天|号|日|个|点|小时|分|月|年|%|件|台|次|折|倍|米|斤|克|g|G|号|期|寸|码|岁|人|块|元))"
)
# In a message about prices, a number said as a then-and-now comparison (我买的时候[数字x] 现在[数字x]).
_PRICE_TOPIC = re.compile(r"价|降|涨|贵|便宜|钱|元|差价|退给|优惠|券|多少|花了|付")
_AMOUNT_COMPARISON = re.compile(
    rf"(?:买的时候|下单的时候|的时候|当时|之前|原来|以前|现在|目前|结果|才|都|就)(?:是|只要|要|卖|都|就)?\s?(?P<num>\[数字x\]|\d+(?:\.\d+)?)"
    rf"(?=$|[\s,.!?;，。！？了啊呢吧]|元)"
)


def _amount_value(number: str) -> float | int | None:
    if _masked(number):
        return None
    number = number.replace(",", "")
    if "点" in number:
        whole, _, frac = number.partition("点")
        whole_value = parse_number(whole)
        frac_digits = "".join(str(parse_number(ch)) for ch in frac if parse_number(ch) is not None)
        return None if whole_value is None or not frac_digits else float(f"{whole_value}.{frac_digits}")
    return parse_number(number)


def _find_amount(text: str) -> Iterator[_Found]:
    for match in _AMOUNT_BEFORE.finditer(text):
        currency = _CURRENCY_BEFORE[match.group("cur").lower()]
        yield "amount", match.start(), match.end(), _amount_value(match.group("num")), currency
    price_topic = _PRICE_TOPIC.search(text) is not None
    for match in _AMOUNT_AFTER.finditer(text):
        unit = match.group("cur").lower()
        if unit == "块" and not price_topic and not match.group("num").startswith("["):
            continue  # 只有五块 counts pieces unless the message is about money
        value = _amount_value(match.group("num"))
        if value is not None and unit in ("毛", "毛钱"):
            value = round(value / 10, 2)
        if value is None and not _masked(match.group("num")):
            continue
        yield "amount", match.start(), match.end(), value, _CURRENCY_AFTER[unit]
    for match in _AMOUNT_PLACEHOLDER.finditer(text):
        yield "amount", match.start(), match.end(), None, "CNY"
    for match in _AMOUNT_PRICE_CONTEXT.finditer(text):
        yield "amount", match.start("num"), match.end("num"), _amount_value(match.group("num")), "CNY"
    if price_topic:
        for match in _AMOUNT_COMPARISON.finditer(text):
            yield "amount", match.start("num"), match.end("num"), _amount_value(match.group("num")), "CNY"


# --------------------------------------------------------------------------------------------------------
# Times
# --------------------------------------------------------------------------------------------------------

_DT_FESTIVAL = (
    r"双十一|双11|双十二|双12|(?<!\d)618(?=活动|期间|大促|当天|那天|的时候|之前|以前|前|后)|元旦|国庆节?|五一|劳动节|"
    r"春节|除夕|元宵节?|端午节?|七夕|中秋节?|圣诞节?|平安夜|情人节|年三十"
)
_DT_DAYWORD = (
    r"大后天|大前天|后天|前天|明天|明日|明早|明晚|今天|今日|今早|今晚|当天|昨天|昨日|昨晚|去年|前年|今年|明年|"
    r"上个?月|这个月|本月|下个?月"
)
_DT_WEEK = r"(?:(?:上上|上|下下|下|这|本)个?|(?<![一二三四五六七八九十两几\d]))(?:周|星期|礼拜)[一二三四五六日天末]|周末"
_DT_DAYNUM = r"(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3}|\[数字x\])"
_DT_DATE = (
    rf"(?:(?:\d{{4}}|\[数字x\])年)?(?:(?:\d{{1,2}}|[一二三四五六七八九十]{{1,2}}|\[数字x\])(?:月份?|/))?"
    rf"{_DT_DAYNUM}(?:号|日)(?!期|子|常|用|本|元|码|楼|客服|店|线|机|房|员|床|位|门|铺|院|卡|令|记)"
    rf"|(?:\d{{4}}年)?(?:\d{{1,2}}|[一二三四五六七八九十]{{1,2}}|\[数字x\])月份?(?=\[数字x\]|\d|[一二三四五六七八九十])"
)
_DT_PART = r"凌晨|清晨|早上(?!好)|早晨(?!好)|一早|上午|中午|下午|傍晚|晚上(?!好)|夜里|半夜"
_DT_CLOCK = (
    rf"(?:\d{{1,2}}|[零一二两三四五六七八九十]{{1,3}}|\[数字x\])(?:点钟?|时)(?!多钱|多少|点)"
    rf"(?:半|一刻|三刻|(?:\d{{1,2}}|[零一二三四五六七八九十]{{1,3}}|\[数字x\])分?钟?)?多?"
    r"|\d{1,2}:\d{2}(?!\d)"
)
_DT_AGO = rf"(?:{_CN_NUM}{{1,12}}|\d{{1,12}}|半)个?(?:年|月|周|星期)(?:以前|之前|前)"
_DATETIME = re.compile(
    rf"\[日期x\](?:\s?\[时间x\])?|\[时间x\]|{_DT_FESTIVAL}|{_DT_AGO}"
    rf"|(?:(?:{_DT_DAYWORD})(?:{_DT_WEEK})?|{_DT_WEEK})?(?:{_DT_DATE}|\[数字x\](?=中午|上午|下午|晚上|早上))?(?:{_DT_PART})?(?:{_DT_CLOCK})?"
)
# A lone clock time needs more than a number + 点 (快一点, 有一点 are not times).
_BARE_CLOCK_OK = re.compile(r"^(?:\d{1,2}:\d{2}|(?:\d{1,2}|\[数字x\]|[两三四五六七八九]|十[一二]?)(?:点钟?|时)(?:.*)|.+(?:点钟|点半|点多|分钟?|时))$")


def _find_datetime(text: str) -> Iterator[_Found]:
    for match in _DATETIME.finditer(text):
        span = match.group()
        if not span.strip():
            continue
        start, end = match.start(), match.end()
        if re.fullmatch(_DT_CLOCK, span):
            if not _BARE_CLOCK_OK.match(span) or span.startswith("一点"):
                continue
            if span.endswith("时") and not re.search(r"[点:]", span):
                continue  # 小时 / 及时 are not clock times
            if start > 0 and text[start - 1] in "小及按准同随临当暂":
                continue
        if re.fullmatch(r"\d{1,2}/\d{1,2}(?:号|日)", span) is None and span.endswith(("日", "号")) and start > 0 and text[start - 1] in "生节":
            continue
        yield "datetime", start, end, datetime_value(span), None


_DURATION = re.compile(
    rf"(?<![第每前这那上下本几好\d])(?:一整(?=天|晚|夜)|整整)?(?P<num>(?<=一整){_EMPTY}|{_ANY_NUM}|半)(?:\s?[-~到至]\s?(?:{_ANY_NUM}))?"
    rf"(?:多)?(?:个)?(?:半)?(?:多)?\s?"
    rf"(?P<unit>个?工作日|个?小时|个?钟头|分钟|秒钟|个?星期|个?礼拜|周(?![一二三四五六日天末])|个月|年(?!级|纪|龄|货|[前底初末]|\d|\[数字x\]月|[一二三四五六七八九十]+月)|天(?!猫|气|津|然|价|空|下|天))"
)


def _find_duration(text: str) -> Iterator[_Found]:
    for match in _DURATION.finditer(text):
        span = match.group()
        number = match.group("num")
        unit = match.group("unit")
        if number == "半" and unit in ("年",) and match.start() > 0 and text[match.start() - 1] in "上下":
            continue
        if unit == "年" and re.fullmatch(r"\d{4}", number or ""):
            continue  # 2019年 is a year, not a span
        if number in ("两", "两三") and unit == "年" and match.end() < len(text) and text[match.end()] == "前":
            continue
        if span.startswith("一") and unit in ("天",) and match.end() < len(text) and text[match.end():match.end() + 2] in ("到晚", "天"):
            continue
        yield "duration", match.start(), match.end(), duration_value(span), None


# --------------------------------------------------------------------------------------------------------
# Products, places
# --------------------------------------------------------------------------------------------------------

def _load_products() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = read_tsv("products.tsv")
    brands = tuple(sorted((r["term"] for r in rows if r["category"] == "brand"), key=len, reverse=True))
    goods = tuple(sorted((r["term"] for r in rows if r["category"] != "brand"), key=len, reverse=True))
    return brands, goods


_PRODUCT_TABLE: Lazy[tuple[tuple[str, ...], tuple[str, ...]]] = Lazy(_load_products)


def product_terms() -> tuple[str, ...]:
    """Every term of the product lexicon (``data/products.tsv``: brands and goods), longest first."""
    brands, goods = _PRODUCT_TABLE.get()
    return tuple(sorted(brands + goods, key=len, reverse=True))


def _alternation(terms: tuple[str, ...]) -> str:
    return "|".join(re.escape(term) for term in terms)


# Model names after a brand: 小米[数字x], 一加 7 Pro, iPhone 12 mini.
_MODEL = r"(?:\s?(?:\[数字x\]|[A-Za-z]{0,3}\d{1,4}[A-Za-z]{0,3})(?:\s?(?:Pro|Max|Plus|Note|mini|Ultra|SE|Air|X|S|s|青春版|标准版|高配版))*)"
# 手机号 is a phone number, 电视台 a station: a product word followed by these is not a product.
_NOT_PRODUCT_AFTER = r"(?!号|台|剧|节目|费|卡号|壳子|厂|店|客服)"


def _build_product_pattern() -> re.Pattern[str]:
    brands, goods = _PRODUCT_TABLE.get()
    multi = tuple(g for g in goods if len(g) > 1)
    brand_alt = _alternation(brands)
    goods_alt = _alternation(multi)
    return re.compile(
        rf"(?:{brand_alt}){_MODEL}?(?:{goods_alt})?{_NOT_PRODUCT_AFTER}|(?:{goods_alt}){_NOT_PRODUCT_AFTER}",
        re.IGNORECASE,
    )


_PRODUCT_PATTERN: Lazy[re.Pattern[str]] = Lazy(_build_product_pattern)
# Goods after a buying verb that the lexicon does not list (我刚买的电煮锅): the next word, via jieba.
_BOUGHT = re.compile(r"(?:买的|买了|购买的?|订的|订了|下单的?|入手的?|拍的|拍了)(?:一个|一台|一部|一件|一双|一套|一款|一箱|一盒|一瓶|个|台|部|件|双|套|款)?")
_NOT_GOODS = frozenset(
    "东西 商品 货 宝贝 产品 这个 那个 时候 订单 单子 一个 几个 两个 什么 怎么 是 的 了 吗 呢 啊 就 都 也 还 不 没 "
    "现在 今天 昨天 明天 以后 之前 当时 那天 快递 京东 自营 价格 东东 这些 那些 好多 很多 太多 一次 两次 同样 一样 "
    "新的 别的 之后 以前 一下 一起 时间 金额 地址 可以 能够 没有 已经 还是 就是 不是 还有 这款 那款 这种 那种 "
    "人 给 我 你 他 她 们 这 那 里 在 到 上 下".split()
)


class WordToken(Protocol):
    """What :func:`entities_in` needs of a word: ``word``, ``start``, ``end`` (``segment.Token`` has them)."""

    @property
    def word(self) -> str:
        """The word."""

    @property
    def start(self) -> int:
        """Its start offset."""

    @property
    def end(self) -> int:
        """Its end offset (exclusive)."""


Tokenizer = Callable[[str], Sequence[WordToken]]
"""A word segmenter: text → tokens with offsets (``empathkit.segment.tokenize``)."""


_SINGLE_PRODUCTS: Lazy[frozenset[str]] = Lazy(lambda: frozenset(g for g in _PRODUCT_TABLE.get()[1] if len(g) == 1))


def _find_product(text: str, tokenize: Tokenizer | None = None) -> Iterator[_Found]:
    taken: list[tuple[int, int]] = []
    for match in _PRODUCT_PATTERN.get().finditer(text):
        span = match.group().rstrip()
        taken.append((match.start(), match.start() + len(span)))
        yield "product", match.start(), match.start() + len(span), None, None
    if tokenize is None:
        return
    singles = _SINGLE_PRODUCTS.get()
    tokens = tokenize(text)
    for token in tokens:
        if token.word in singles and not any(s <= token.start < e for s, e in taken):
            yield "product", token.start, token.end, None, None
    starts = [t.start for t in tokens]
    for match in _BOUGHT.finditer(text):
        at = bisect.bisect_left(starts, match.end())
        if at == len(tokens) or starts[at] != match.end():
            continue
        word = tokens[at]
        if (len(word.word) < 2 or word.word in _NOT_GOODS or not re.fullmatch(rf"[{_CJK}A-Za-z]+", word.word)
                or re.search(rf"[{CN_DIGITS}几]|天|月|年|点", word.word)
                or any(s < word.end and word.start < e for s, e in taken)):
            continue
        yield "product", word.start, word.end, None, None


def _load_places() -> tuple[str, ...]:
    return tuple(sorted((row["name"] for row in read_tsv("places.tsv")), key=len, reverse=True))


_PLACES: Lazy[tuple[str, ...]] = Lazy(_load_places)


def _build_address_pattern() -> re.Pattern[str]:
    place = rf"(?:{_alternation(_PLACES.get())})(?:省|市|自治区)?|[{_CJK}]{{1,6}}?(?:省|市|区|县|镇|乡|自治区)"
    tail = (
        rf"(?:\s?[{_CJK}A-Za-z]{{0,12}}?(?:\[数字x\]|\d+)(?:幢|栋|号楼|楼|单元|室|层|号院|号|弄|座)"
        rf"(?:\[数字x\]|\d+|幢|栋|号楼|楼|单元|室|层|号|弄|座|-)*)?"
    )
    return re.compile(rf"(?:(?:{place})+\s?)?\[地址x\](?:{tail})")


_ADDRESS_PATTERN: Lazy[re.Pattern[str]] = Lazy(_build_address_pattern)
_ADDRESS_LEAD = re.compile(r"^(?:改成|改为|换成|寄到|送到|发到|寄回|送往|发往|地址|收货|收件|老家|我家|家|是|在|到|为|:)+")
_TOWN = re.compile(
    rf"(?:(?<=目的地是)|(?<=地址是)|(?<=住在)|(?<=送到)|(?<=寄到)|(?<=我在)|(?<![{_CJK}]))[{_CJK}]{{2,4}}?(?:镇|乡|村|街道)(?=[呢吗啊吧的了\s,.!?;]|$)"
)


def _find_address(text: str) -> Iterator[_Found]:
    for match in _ADDRESS_PATTERN.get().finditer(text):
        lead = _ADDRESS_LEAD.match(match.group())
        start = match.start() + (lead.end() if lead else 0)
        found = text[start:match.end()].rstrip()
        yield "address", start, start + len(found), None, None
    for pii in find_pii(text):
        if pii.kind == "address":
            yield "address", pii.start, pii.end, text[pii.start:pii.end], None
    for match in _TOWN.finditer(text):
        yield "address", match.start(), match.end(), match.group(), None


_FINDERS: dict[str, _Finder] = {
    "tracking_no": _find_tracking, "order_id": _find_order, "account": _find_account, "phone": _find_phone,
    "amount": _find_amount, "address": _find_address, "datetime": _find_datetime, "duration": _find_duration,
}


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def entities_in(
    text: str,
    matched: str,
    *,
    reference_time: _dt.datetime | _dt.date | None = None,
    tokenize: Tokenizer | None = None,
) -> tuple[Entity, ...]:
    """Entities of ``text`` found in its matching form ``matched`` (see :func:`matching_text`).

    Args:
        text: the original message (entity ``text`` is cut from it).
        matched: ``matching_text(text)``, computed once by the caller.
        reference_time: when given, each ``datetime`` entity also gets ``resolved`` (an ISO date or date-time).
        tokenize: a word segmenter (``empathkit.segment.tokenize``). With it, single-character goods of the
            lexicon (锅, 鞋) count only as whole words, and the word after 买的/买了 counts as a product;
            without it (this module never loads jieba itself) only the multi-character lexicon matches.

    Returns:
        Entities in order of position, without overlaps (types earlier in :data:`PRIORITY` win).
    """
    if len(matched) != len(text):
        raise ValueError("matched must be matching_text(text): the lengths differ")
    taken: list[Entity] = []
    occupied = bytearray(len(text))
    for entity_type in PRIORITY:
        finds = _find_product(matched, tokenize) if entity_type == "product" else _FINDERS[entity_type](matched)
        found = sorted(finds, key=lambda f: (f[1], -(f[2] - f[1])))
        for kind, start, end, value, unit in found:
            start, end = _trimmed(matched, start, end)
            if start >= end or any(occupied[start:end]):
                continue
            if kind == "product" and value is None:
                value = matched[start:end]  # the simplified name, the same whatever the script
            resolved = None
            if kind == "datetime" and reference_time is not None and isinstance(value, str):
                resolved = resolve_datetime(value, reference_time)
            taken.append(Entity(kind, start, end, text[start:end], value, unit, resolved))
            occupied[start:end] = b"\x01" * (end - start)
    return tuple(sorted(taken, key=lambda e: (e.start, e.end)))


def find_entities(
    text: str,
    *,
    reference_time: _dt.datetime | _dt.date | None = None,
    tokenize: Tokenizer | None = None,
) -> tuple[Entity, ...]:
    """Typed entities of one message.

    Args:
        text: the customer's message, in simplified or traditional script.
        reference_time: when the message was written; used only to fill ``Entity.resolved`` of datetimes.
        tokenize: a word segmenter for the word-based product rules (see :func:`entities_in`);
            :func:`empathkit.keyinfo.extract` passes ``empathkit.segment.tokenize``.

    Returns:
        Entities in order of position; ``text[e.start:e.end] == e.text`` for each.

    Raises:
        TypeError: if ``text`` is not a str.
    """
    require_text(text)
    return entities_in(text, matching_text(text), reference_time=reference_time, tokenize=tokenize)
