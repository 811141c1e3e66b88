"""Fixed texts the benchmarks run on: a 100-character customer message, a 20-turn customer/agent dialogue,
a set of varied customer messages, and the unit that long scaling inputs are built from. Written for the
benchmarks (no personal data: the order number and phone number are made up)."""
from __future__ import annotations

# Exactly 100 characters: a late delivery with a date, an order number, a duration, a deadline, a threat.
MESSAGE_100 = ("客服你好，我11月20号在你们旗舰店买的洗衣机，订单号是358201746639，说好三天送到，"
               "现在都五天了还没到，打了三次电话都说在路上，明天家里就要用了，到底什么时候能送到？？？再不到我就退款了😡")
assert len(MESSAGE_100) == 100, len(MESSAGE_100)

# A realistic 20-turn conversation (10 customer, 10 agent turns): a late delivery that heats up, one
# perfunctory agent answer, then an apology, a check, an expedite and a compensation, and a calm close.
DIALOGUE_20: list[tuple[str, str]] = [
    ("customer", "你好，在吗？我11月20号买的洗衣机到现在还没送到"),
    ("agent", "您好，在的，请问您的订单号是多少呢？"),
    ("customer", "订单号358201746639，说好三天到的，今天都第五天了"),
    ("agent", "好的，请您稍等，我帮您查询一下物流信息"),
    ("customer", "查到了吗？？我都等了十分钟了"),
    ("agent", "物流显示在运输中，请您耐心等待哦"),
    ("customer", "又是耐心等待！打了三次电话都这么说，你们到底有没有人管啊😡"),
    ("agent", "非常抱歉让您等了这么久，您的心情我完全理解，我这就联系仓库和快递核实包裹的具体位置"),
    ("customer", "明天家里就要用洗衣机了，今天到不了我就退款，再去12315投诉"),
    ("agent", "明白，您明天就要用，时间确实很紧。我刚核实过，包裹卡在本市中转站了，我已经申请加急配送"),
    ("customer", "加急是什么时候能到？给个准话"),
    ("agent", "中转站答复今天下午6点前派送，师傅送货前会先给您打电话"),
    ("customer", "那安装呢？之前说送货同时上门安装的"),
    ("agent", "安装师傅会和送货一起上门，当场装好，您不用另外预约"),
    ("customer", "行吧，这次别再骗我了"),
    ("agent", "不会的，我会一直跟进这个单子。这次延误给您添了麻烦，我给您申请了20元的补偿券，已经发到您的账户"),
    ("customer", "收到了，谢谢"),
    ("agent", "不客气，下午送到后如果有任何问题随时联系我"),
    ("customer", "好的，已经送到装好了，师傅挺专业的，谢谢你"),
    ("agent", "太好了，感谢您的耐心和理解，祝您生活愉快！"),
]
assert len(DIALOGUE_20) == 20

# Varied customer messages (length 4–80 characters) for throughput runs; cycled to any count.
MESSAGES = [
    "快递三天了还没到？？？😡",
    "你好，我想问一下订单什么时候发货",
    "东西收到了，质量很好，谢谢客服～",
    "买的耳机左边没声音，怎么办啊",
    "我要退款！这个质量也太差了吧，用了两天就坏了",
    "亲，可以开发票吗？抬头写公司名",
    "人呢？？？",
    "衣服尺码偏小，能换大一号的吗，吊牌还在",
    "昨天下单的，地址填错了，能帮我改一下吗，急急急",
    "呵呵，你们的售后真是太“好”了，等了一周都没人理",
    "优惠券怎么用不了？结算的时候显示不满足条件",
    "谢谢你耐心解答，问题解决了，给你五星好评",
    "包裹显示已签收，但是我根本没收到，家里也没人签",
    "这个手机充电特别慢，充一晚上才到百分之八十，是不是电池有问题",
    "你们再不处理我就去12315投诉了，气死了",
    "请问这款电饭煲有没有现货？明天能送到北京朝阳区吗",
]

# Scaling inputs repeat this unit (about 60 characters, emoji, numbers and slang included) to any length.
SCALING_UNIT = "客服你好，订单358201746639的洗衣机五天了还没到😡！！！肿么回事，明天就要用了，再不到就退款。"


def long_text(chars: int) -> str:
    """A customer-style text of exactly ``chars`` characters built from :data:`SCALING_UNIT`."""
    return (SCALING_UNIT * (chars // len(SCALING_UNIT) + 1))[:chars]
