"""Build the held-out key-information evaluation set (STAR spans, entities, intent) for JDDC customer turns.

A second, independently drawn set next to ``keyinfo_dev.jsonl``: same conventions (README_keyinfo.md), same
record format, no turn (and no identical text) shared with the dev set. Labels live in this file, keyed by turn
id (``<session_id>:<turn index>``) from the ``dev`` half of ``training/jddc_split.py``; spans are stored as
verbatim substrings and resolved to character offsets (Python str indices, end exclusive). The text itself is
never written. The labels were made without running or looking at any extractor output.

Selection (reproduced and checked by ``--selection``): dev-half customer turns with >= 12 characters, minus the
dev-set ids and texts, minus messages with no content beyond placeholders / ids / addresses / order-metadata
labels (``_has_content``); shuffled with ``random.Random(SEED)``; taken in order, skipping the positions listed in
``SKIPPED`` (with reasons), until 150 turns are labeled. See README_keyinfo_heldout.md.

Run:  python training/devsets/build_keyinfo_heldout.py              (writes keyinfo_heldout.jsonl, prints counts)
      python training/devsets/build_keyinfo_heldout.py --check      (verifies only, writes nothing)
      python training/devsets/build_keyinfo_heldout.py --selection  (re-draws the sample and checks the labeled ids)
      python training/devsets/build_keyinfo_heldout.py --show ID    (prints one labeled turn with its spans; ID or 'all')
      python training/devsets/build_keyinfo_heldout.py --audit      (lists mentions that look like entities but carry
                                                                     no label, for review)

Label syntax (as in build_keyinfo_dev.py):
  L(intent, S=[...], T=[...], A=[...], R=[...], E=[...], note=...)
  STAR span:  "substring"  or  ("substring", occurrence)   # occurrence = 0-based index among matches
  entity:     (type, "substring", value)  or  (type, "substring", value, occurrence)
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from jddc_split import iter_customer_turns, text_hash  # noqa: E402
import build_keyinfo_dev as dev  # noqa: E402  (reuses its resolution and checking functions; dev labels untouched)

OUT = HERE / "keyinfo_heldout.jsonl"
DEV_JSONL = HERE / "keyinfo_dev.jsonl"
INTENTS, ENTITY_TYPES, FIELDS, L = dev.INTENTS, dev.ENTITY_TYPES, dev.FIELDS, dev.L

SEED = 20261126
N_TARGET = 150
MIN_CHARS = 12

# Pool filter: a message is eligible only if some Han character is left after removing placeholders
# ([订单x], [数字x], ...), province names directly in front of [地址x], and order-metadata / id labels.
_PROV = ("北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|"
         "云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门")
_META = "咨询订单号|查询订单号|订单编号|订单金额|下单时间|售后服务单号|服务单号|订单号|商品ID|商品号|单号|税号|名称"


def _has_content(text: str) -> bool:
    y = re.sub(rf"(?:{_PROV})(?:省|市|自治区)?\s*\[地址x\]", "", text)
    y = re.sub(r"\[[^\[\]]{1,12}x\]", "", y)
    y = re.sub(_META, "", y)
    return any("\u4e00" <= ch <= "\u9fff" for ch in y)


# Draw positions (0-based, in the shuffled pool) that were skipped under README_keyinfo.md's selection rules.
SKIPPED: dict[int, str] = {
    21: "near-repeat: same request as a dev-set turn of the same dialogue (that turn contains this text verbatim)",
    30: "content-free: link + greeting + after-sales ticket number only",
    40: "content-free: two phone numbers with 之前/现在 labels only",
    49: "content-free: order-metadata block with a pointer remark (一个两个订单号哦)",
    51: "content-free: order number + pointer (这[数字x]个)",
    61: "content-free: pointer to an order number + thanks (no number, no request)",
    86: "greeting + widget menu label only",
    87: "near-repeat: rewording of a dev-set turn of the same dialogue (VC... 这单能给顾客派送吗)",
    88: "greeting + widget menu label + name only",
    98: "address only",
    111: "greeting/filler + name only",
    113: "greeting + widget menu label only",
    117: "near-repeat: same text as draw 102 of the same dialogue except 这也/这个也",
    126: "order-metadata block + widget menu label (发票类咨询) only",
    144: "content-free: order number + 对的 是的是的",
    151: "content-free: two order numbers only",
    153: "near-repeat: re-sends the price-protection request of draw 60 (same dialogue) with 人呢?",
    156: "order-metadata blocks + widget text (顾客通过点击web咚咚...信息发送) only",
    157: "content-free: order number + 是的",
    168: "order-metadata block + 有人么 only",
}

LABELS: dict[str, dict] = {}
# ---------------------------------------------------------------------------------------------------------
# Labels, in draw order. Text is not stored here, only the substrings that are labeled.
# Values: null = masked or not recoverable from the text. Conventions: README_keyinfo.md.
# ---------------------------------------------------------------------------------------------------------

# ---- batch 1 (draw positions 0-59) ----
LABELS.update({
    "a568c4cc130fc42ec23b0ecdbc0285f9:22": L(
        "payment_billing", S=["天津[地址x]", "不然税务会问的"], E=[("address", "天津[地址x]", None)],
        note="closing thanks, but adds which invoices to stop (the Tianjin ones) and why; not praise_thanks"),
    "fb01be5d717a8b337ea8555cc66de1cd:8": L("delivery_status", S=["我怕到时候收货人不在", "我就去一趟"]),
    "5dc7a565a99a5432fcc9c18fe0bcb8cc:16": L("return_exchange", T=["我发给谁", "收货信息如何获得"],
                                              note="return sent by the customer's own courier"),
    "b98a42f16e69e0d3a157fdbcd3348b68:22": L(
        "payment_billing", S=["收件人是[姓名x][姓名x]"],
        T=["你要打电子发票的时候要打[姓名x]", "那个收件人就是你打发票的时候打[姓名x]", "这样可不可以呀"],
        note="garbled (speech input): wants the receiver's name as the invoice title"),
    "932447fd38cb366d59b7ca7012a661b8:8": L("payment_billing", T=["我如果先买，后面审核通过后还能申请开专票吗"]),
    "fb01be5d717a8b337ea8555cc66de1cd:6": L(
        "delivery_status", T=["我说的是送货人"], R=["这个不是收货人的手机吗"],
        note="手机 = the phone number the agent gave, not a product; wants the courier's number"),
    "d1a265f3f00f20a7a350d5da7e7c29b1:0": L(
        "delivery_status", S=["北京[地址x]"], T=["这个地址可以送过货上门吗"], E=[("address", "北京[地址x]", None)]),
    "77470b07149272fd35fafc7902dfd2d4:0": L(
        "delivery_status", S=["[数字x]"], T=["这个件什么问题"],
        note="merchant; [数字x] names a parcel (这个件), order or waybill number unclear, so no entity"),
    "5df2970b4776aab98abd2d504c724718:8": L("return_exchange", T=["我接下来还要做什么", "这个不是京东自营的吗"]),
    "daf65799ee00f8d38e168d6dc4adaa6a:4": L(
        "refund", S=["我领的卷是明天使用的", "我明天再提供这个订单号好了"],
        E=[("datetime", "明天", "+1d", 0), ("datetime", "明天", "+1d", 1)],
        note="price protection by comparing a new unpaid order; the plan to send the order number is situation"),
    "35bb21fd83c460e7959234634d830223:6": L("return_exchange", T=["还需要多久才能处理完"]),
    "a4357e7b8e176924aa368e1af5f05c1a:18": L(
        "delivery_status", S=["查询订单号:[订单x]， 商品号:[数字x]"], T=["一个热水器也是现在发出来"],
        E=[("product", "热水器", "热水器"), ("order_id", "[订单x]", None)], note="商品号 (SKU) is not an entity"),
    "f9f6c85e4696daaaeda068c9c37ff239:6": L("refund", T=["申请这种情况是事先做还是知道降价后做"]),
    "9dcc779abee756065609d5dd2a4820d5:6": L(
        "payment_billing", T=["可以加进去不"], R=["发票怎么没有填写邮箱的地方", "税号没写"]),
    "e625d1f4c04ffb8c669773e798dbab60:4": L("delivery_status", R=["就收到两个小箱子", "一样装了一个"],
                                             note="only part of a multi-item order arrived"),
    "af839b8f09d7f0509c13d899f442212f:0": L(
        "delivery_status", S=["美的的"], T=["我向预约安装热水器"],
        E=[("product", "热水器", "热水器"), ("product", "美的", "美的")], note="installation appointment (向 = 想)"),
    "dac170d3a7c96c03d60e26d702e2c94c:4": L("refund", T=["需要我把订单发给你吗"], note="price-protection dialogue"),
    "d8a9315d-08f8-494f-ba86-2707b9a7c119:0": L("product_question", T=["这款什么车都能装吗"],
                                                   note="车 is the customer's car, not the product"),
    "1f4e184bc1209135f86c34745c78d635:6": L(
        "payment_billing", S=["名称:[组织机构x] 统一社会信用代码:[数字x]D"], T=["可以了么"],
        note="credit code / tax number is not an entity"),
    "ad564c18f5a1ced2e55a2c5f0d956365:8": L(
        "return_exchange", S=["订单编号:[订单x]，订单金额:[金额x]，下单时间:[日期x] [时间x]", "[数字x] 这个是退货单号"],
        E=[("order_id", "[订单x]", None), ("amount", "[金额x]", None), ("datetime", "[日期x] [时间x]", None),
           ("order_id", "[数字x]", None)], note="return ticket number counts as order_id"),
    "b8691d1142533c9b5bfd2a3f62445f0a:12": L("return_exchange", S=["售后有换货，退货"], T=["点哪个"]),
    "17fa6a8a3942664c756d68f0f042c80b:4": L(
        "refund", R=["我这边没有申请退款的选项"],
        note="agrees (可以) to the agent cancelling; the information given is the missing refund option"),
    "8a88984af779d4f2c45218e4c172e224:0": L("delivery_status", T=["我买的商品什么时候可以发货"]),
    "b98a42f16e69e0d3a157fdbcd3348b68:20": L(
        "payment_billing", T=["我这个要改为缓期一年可不可以改啊", "你说可不可以改呀"], E=[("duration", "一年", "P1Y")],
        note="garbled; the agent reads it as warranty, the customer's next turn says it was about the invoice name"),
    "ca3317376ab1541310c72a294c825ff4:4": L("payment_billing", T=["不含税的笔记本单价是多少"],
                                             E=[("product", "笔记本", "笔记本")]),
    "0b47972f58121deac0a8c0a934d383ff:4": L(
        "other", S=["看见那个快递员整个市里跑"], T=["你们只有这一个吗"],
        note="courier staffing remark, same dialogue as the dev-set 'suggestion' turn; not about the parcel's progress"),
    "37b68fcb3611037292489bf53c5ae2a3:6": L(
        "other", S=["就是那种发快递", "我听说你们有一元发快递的活动"], E=[("amount", "一元", 1)],
        note="sending a parcel with JD express"),
    "d8a9315d-08f8-494f-ba86-2707b9a7c119:4": L(
        "product_question", T=[("有电池还是没有", 0), ("有电池还是没有", 1)], note="电池 is a part, not a product"),
    "5d24a7df9df73ee8b1491d2b2cde4158:18": L(
        "payment_billing", S=["单位:上海[地址x] 税号:[数字x]MA[数字x]GT[数字x]X[数字x]"], T=["都可以改抬头吗"],
        R=["我订单都没改", "忘记了"], E=[("address", "上海[地址x]", None)],
        note="the company name is masked as 上海[地址x]; labeled address by the surface rule"),
    "3c029752e3b054a330ac3b810c177ed1:4": L(
        "delivery_status", S=["公司快递太多", "几百个"], R=["无快递号很难找"], note="signed for but not found"),
    "8e32fa79-9897-4221-b738-4d4e96d463ff:8": L(
        "return_exchange", S=["也不可能[数字x]小时就能吃完呀"], E=[("duration", "[数字x]小时", None)],
        note="objects to what it takes for an N-hour after-sales window for bad fruit"),
    "21f36333f5d7d29f11e2a95c5f19c292:14": L(
        "cancel_order", S=["厦门[地址x] 湖里区 [姓名x]街道高林中路[数字x]号万科[姓名x]万科里[数字x]号门旁"],
        T=["你是帮我取消是吗"],
        E=[("address", "厦门[地址x] 湖里区 [姓名x]街道高林中路[数字x]号万科[姓名x]万科里[数字x]号门旁", None)],
        note="leading 建 is a stray character; the address answers the agent's request"),
    "aa50d4986e062168506c1868cd9f1f81:2": L("modify_order", T=["看能不能帮忙拆单发送哟"], R=["还没出库呢"]),
    "5d24a7df9df73ee8b1491d2b2cde4158:4": L(
        "payment_billing",
        S=["可以开电子发票",
           "单位:上海[地址x]     税号:[数字x][数字x] 地址:上海市长宁[地址x] 电话:[电话x] 收件人:[姓名x] 单位:上海[地址x] 税号:[数字x][数字x]",
           "咨询订单号:[订单x] 订单金额:[金额x] 下单时间:[日期x]"],
        E=[("address", "上海[地址x]", None, 0), ("address", "上海市长宁[地址x]", None), ("phone", "[电话x]", None),
           ("address", "上海[地址x]", None, 1), ("order_id", "[订单x]", None), ("amount", "[金额x]", None),
           ("datetime", "[日期x]", None)],
        note="invoice data block kept as one span like an order-metadata block; 单位 masked as 上海[地址x]"),
    "c78cb751831739f61fa9ab3ef8ba8e23:10": L(
        "modify_order", S=["我的等明天给我审核的回复"], E=[("datetime", "明天", "+1d")],
        note="reason for the previous turn's request to have the parcel delivered later"),
    "cb3e1902-43c3-48bb-b969-af465f511517:8": L(
        "product_question", T=["耳机上的灯亮一个月有事吗"],
        E=[("product", "耳机", "耳机"), ("duration", "一个月", "P1M")]),
    "c85cb4e8a63a5011e9cf54668b3d5196:2": L(
        "refund", S=["我退个东西"], T=["运费险怎么赔付"],
        note="return-shipping insurance payout counts as a compensation payout (refund), not return_exchange"),
    "5b471e2d6ebc24838e04774c53701a2a:10": L(
        "modify_order", S=["到时候联系方式是这个号码[数字x]"], E=[("phone", "[数字x]", None)],
        note="contact number for the courier, noted on the order by the agent"),
    "4762d31861079b47405d067400559694:8": L(
        "payment_billing",
        S=["发票抬头:[组织机构x]税号:[数字x][身份证号x][数字x]K", "发票抬头:[组织机构x] 税号:[数字x][身份证号x][数字x]K",
           "给公司开的", "我自己打印就可以"],
        T=["就是开这种的"]),
    "47b82a5cc1ee25ca5ee5392b7012cc64:4": L(
        "refund", S=["四个瓶子", "我开始没注意"], R=["好像过了期限了"], E=[("product", "瓶子", "瓶子")],
        note="price protection past its period"),
    "414efb38bf9d1eabaa22a25de233118e:4": L(
        "refund", R=["一个小奶瓶都一下子差[数字x]"], E=[("product", "小奶瓶", "小奶瓶"), ("amount", "[数字x]", None)]),
    "4623bff3342c6a82f708dca7f650606c:12": L(
        "payment_billing", T=["就是她明天给我打电话然后修改发票信息是吗"], E=[("datetime", "明天", "+1d")]),
    "dd0fde3111315e17f239879165e6f886:2": L("modify_order", T=["可以帮我看一下吗"], R=["我的收件地址好像选错了"]),
    "48aee43a3a9dc820a9fd1ec75e0d0cdb:8": L(
        "payment_billing", S=["发票抬头:[姓名x]商贸([组织机构x][组织机构x]纳税人识别号:[数字x]MA[数字x]DF[数字x]H[数字x]"],
        T=["是电子发票吗"]),
    "13c5007f-e390-417e-a876-d72495f3ab21:4": L(
        "modify_order", T=["尽量帮我发一个稍微熟点的"],
        note="a request about the item to ship (order note); hard call against product_question"),
    "3566ee4d90c2cbf9df7b7df851f867ad:12": L(
        "return_exchange", T=["最好能明天看到你们能联系我 更好"], E=[("datetime", "明天", "+1d")],
        note="waiting on an after-sales ticket"),
    "8c181fed59be795e9d1c208acb4f5ed6:8": L(
        "delivery_status", T=[("明天", 0), "具体明天什么时候让安装师傅跟我联系"],
        E=[("datetime", "明天", "+1d", 0), ("datetime", "明天", "+1d", 1)],
        note="installation appointment; the bare 明天 answers the agent's 'when to install'"),
    "e5d352b3c839d9cc11548a8c0dacf2cc:4": L(
        "delivery_status", S=["咨询订单号:[订单x] 订单金额:[金额x] 下单时间:[日期x]"], T=["这个商品什么时候有货那"],
        E=[("order_id", "[订单x]", None), ("amount", "[金额x]", None), ("datetime", "[日期x]", None)]),
    "f700cc7c6097164aa358a4721bf5d340:2": L(
        "refund", S=["新订单[数字x]", "原订单[订单x]"], R=["现在买这个手机比我买的实付差了[数字x]元"],
        E=[("product", "手机", "手机"), ("amount", "[数字x]元", None), ("order_id", "[数字x]", None, 1),
           ("order_id", "[订单x]", None)]),
    "b98a42f16e69e0d3a157fdbcd3348b68:18": L(
        "payment_billing", T=["没有那种发票吗", "电子发票有什么用啊", "没有纸质的吗", "你不是可以寄过来了自己"]),
    "ee7474a7e6a0ed97dc753db396f8e79a:0": L("delivery_status", R=["我没有收到这本书"], E=[("product", "书", "书")]),
    "b8691d1142533c9b5bfd2a3f62445f0a:18": L(
        "return_exchange", A=["你不是说换不了[数字x]k"], note="[数字x]k is a screen resolution (feature), not labeled"),
    "aeaea1c7cf69ae7857f22f38b2d7a1e0:14": L("other", note="chit-chat with the agent; STAR empty"),
    "3f9a6316c816723b4e6f63a697f09a64:10": L("payment_billing", S=["一次够买的"], T=["是全部的商品开在一张发票上吗"]),
    "90278dff95cd27859879aeb767ab684b:6": L("modify_order", T=["怎么办呢", "有什么解决办法"],
                                             note="address change refused (different district)"),
    "a2a1f0bf5171ea2be05208216e2e7e3a:0": L(
        "refund",
        S=[("咨询订单号:[订单x] 订单金额:[金额x] 下单时间:[日期x]", 0), ("咨询订单号:[订单x] 订单金额:[金额x] 下单时间:[日期x]", 1)],
        T=["申请价保"],
        E=[("order_id", "[订单x]", None, 0), ("amount", "[金额x]", None, 0), ("datetime", "[日期x]", None, 0),
           ("order_id", "[订单x]", None, 1), ("amount", "[金额x]", None, 1), ("datetime", "[日期x]", None, 1)]),
})

# ---- batch 2 (draw positions 62-120) ----
LABELS.update({
    "b12f53c4df638c04304adad5517d0690:8": L(
        "other", note="acknowledgement after the agent's authenticity reassurance; 就担心 is pure emotion; no thanks"),
    "68c003cf2c98eced3fcdab984c48fd78:0": L(
        "delivery_status", S=["[数字x]"], T=["催件"], note="merchant; parcel number type unclear, no entity"),
    "37b68fcb3611037292489bf53c5ae2a3:8": L(
        "other", S=["就是什么大学生一元就可以寄快递"], E=[("amount", "一元", 1)], note="sending a parcel with JD express"),
    "b98a42f16e69e0d3a157fdbcd3348b68:16": L(
        "payment_billing", S=["不行就申请退款了"], T=["你看了可以吗", "你发过来的时候有没有发票", "是不是发票跟那个一起过来呀还是完成之后才能打"],
        A=["你说订单完成之后是不能"],
        note="run-on speech input; the refund is a conditional threat, the questions are about the invoice"),
    "b61d7cd21c5048cc88482eed13064604:8": L(
        "delivery_status", T=["[数字x]点半能送到堡镇站吗"], E=[("datetime", "[数字x]点半", None)],
        note="堡镇站 is a delivery station name, not labeled as address"),
    "2300653b028f3c7122239e542027ead1:4": L("delivery_status", S=["帮朋友买的", "天天问好几趟"],
                                             note="out-of-stock phone order; the customer's circumstance only"),
    "a568c4cc130fc42ec23b0ecdbc0285f9:14": L(
        "payment_billing", S=["如果专票天津的一旦开出来不进行抵扣是不行的"], A=["我提交了好几张"]),
    "48aee43a3a9dc820a9fd1ec75e0d0cdb:4": L(
        "payment_billing", S=["[姓名x]商贸([组织机构x][组织机构x][数字x]MA[数字x]DF[数字x]H[数字x]", "正确信息是这个"]),
    "b6c6dd02-7a1f-4cc0-bbbc-0608ab26b5de:4": L("delivery_status", S=["我刚下的单"], T=["你们用的是什么快递"]),
    "fc019616d352c91c16d0ff617618cb75:4": L(
        "delivery_status", S=["[订单x]", "正常中午会有物流晚上到的"],
        E=[("order_id", "[订单x]", None), ("datetime", "中午", "Tnoon"), ("datetime", "晚上", "Tevening")],
        note="expectation offered as argument (situation), the delay is implied"),
    "1458e95f-d329-4755-950e-87ac8d628ae8:6": L(
        "product_question", T=["usb 线有赠送吧"], note="the cable is an included accessory, not labeled as product"),
    "90278dff95cd27859879aeb767ab684b:8": L(
        "cancel_order", S=["我这是做活动买的"], T=["钱一样吗"],
        note="asks about the price if the order is cancelled and re-placed (the agent's only option)"),
    "dac170d3a7c96c03d60e26d702e2c94c:8": L(
        "refund", S=["家电是[数字x]天", "我们这个保价时间是[数字x]天"], T=["是这个意思吗"],
        E=[("product", "家电", "家电"), ("duration", "[数字x]天", None, 0), ("duration", "[数字x]天", None, 1)]),
    "414efb38bf9d1eabaa22a25de233118e:10": L("refund", T=["你那边操作的是吗"]),
    "c72ef527699a92d3daa7634e1edd7eb6:8": L(
        "refund", S=[("[订单x]", 0), "咨询订单号:[订单x] 订单金额:[金额x] 下单时间:[日期x]"], T=["可以了吗"],
        E=[("order_id", "[订单x]", None, 0), ("order_id", "[订单x]", None, 1), ("amount", "[金额x]", None),
           ("datetime", "[日期x]", None)], note="the unpaid comparison order for price protection"),
    "1458e95f-d329-4755-950e-87ac8d628ae8:2": L("product_question", T=["这款产品带 USB接口吧"]),
    "f3044f87a6af313b7fc06e1d66d69b45:8": L("modify_order", T=["我可以改签到山西运城吗"],
                                             note="city names alone are not addresses"),
    "d0709a06b8f7ebf43c878a165d9257a9:4": L("other", T=["是这样么", "什么时候联系我"],
                                             note="merchant asking about warehouse onboarding"),
    "9c1d666c9e10dec991852cb0864f0df5:10": L(
        "payment_billing", S=["一些杯子", "我还没付钱"], R=["运费不可能[数字x]元啊"],
        E=[("product", "杯子", "杯子"), ("amount", "[数字x]元", None)]),
    "3c029752e3b054a330ac3b810c177ed1:6": L("delivery_status", S=["订单收件人是我先生", "可以联系到他"]),
    "fedb05f42f67dbf5079b753669ecc4b3:8": L("payment_billing", T=["查到了吗", "把个人抬头改成公司抬头就行"]),
    "c427e9ca6c3e71b6ca1e5bec8ce5228c:4": L("delivery_status", T=["最好今天可以帮我送到最好"],
                                             E=[("datetime", "今天", "+0d")]),
    "b697cdf0fa03a3edd54c758339db934b:8": L(
        "modify_order", T=["我就是想修改送货时间和安装时间", "洗衣机需要安装么"], E=[("product", "洗衣机", "洗衣机")]),
    "f3e3bff5e99cc8f525ccebe9430deada:2": L(
        "refund", S=["咨询订单号:[订单x] 商品ID:[数字x]"], T=["结果呢"], E=[("order_id", "[订单x]", None)],
        note="waiting for a price-protection answer; 商品ID is not an entity"),
    "06d51010112ea9bba424686919818026:4": L(
        "refund", S=["[数字x]"], T=["这个收到货给客户退款"], E=[("order_id", "[数字x]", None)],
        note="merchant; the number answers the agent's request for the order number"),
    "8570c4e4a442b9ed814647df56cbf06f:14": L("refund", T=["我不太明白你那价保的意思"]),
    "8e83340326e9c32a52bdbf059a70a4cd:6": L(
        "payment_billing", T=["iPhone那个就不行了是么"], E=[("product", "iPhone", "iPhone")],
        note="the invoice title of the iPhone order cannot be changed"),
    "39d5903bd1885e7fa42f4409bdb6607a:4": L(
        "payment_billing", S=["[订单x]", "一共两个"], E=[("order_id", "[订单x]", None)], note="paper invoice request"),
    "a568c4cc130fc42ec23b0ecdbc0285f9:10": L("payment_billing", T=["我现在选择终止这张增值税专用发票行吗"]),
    "94f4ca8a758a1fdf44880b8a47ef9ff0:2": L("return_exchange", T=["是不是要联系下客服审批"], A=["刚才申请退货"]),
    "49468b1f35a567af8322dad7a9aefbc0:14": L(
        "return_exchange", T=["你的意思是还没收到"], A=["不是说已经收到"], R=["只是还没处理"]),
    "0ef81ced78b182ee3710681b5f63060f:4": L(
        "delivery_status", S=["我担心到我手里的时候马上都要过期了"], T=["你说到时我是喝呢", "还是扔呢"],
        note="short-dated milk delayed in delivery; rhetorical questions kept as task"),
    "1f9bfb2bdb72a8c90093c18bdb6982c4:4": L("delivery_status", S=["我等到三十号"], E=[("datetime", "三十号", "D30")]),
    "271e0e31975669e565d7d1466a6c25df:0": L(
        "other", T=["[数字x]这单的客户id帮查一下", "给我"], E=[("order_id", "[数字x]", None)],
        note="merchant back-office request for a buyer's account id"),
    "fec593f37d146294ec7585643d8a48d7:6": L(
        "cancel_order", A=["我取消重新下单了"], note="invoice dialogue; the message reports a cancel-and-reorder"),
    "e72cf7309638e2a1bfd979f4ce2edf47:2": L(
        "payment_billing", T=["电视机安装收费吗"], E=[("product", "电视机", "电视机")],
        note="starts with mis-pasted agent text; installation fee question"),
    "5d24a7df9df73ee8b1491d2b2cde4158:22": L(
        "payment_billing",
        S=["咨询订单号:[订单x] 订单金额:[金额x] 下单时间:[日期x]", "单位:上海[地址x] 税号:[数字x]MA[数字x]GT[数字x]X[数字x]"],
        T=["这个也是改抬头"],
        E=[("order_id", "[订单x]", None), ("amount", "[金额x]", None), ("datetime", "[日期x]", None),
           ("address", "上海[地址x]", None)]),
    "e72cf7309638e2a1bfd979f4ce2edf47:10": L("delivery_status", T=["就是不知道是送货的师傅给装呢还是有专人上门"],
                                              note="installation"),
    "946a6a36cbb4469ff77794f3b22fb9e9:14": L(
        "delivery_status", S=["京东仓库应该是[数字x]小时发货", "全天[数字x]小时"], T=["还需你帮啊"],
        E=[("duration", "[数字x]小时", None, 0), ("duration", "[数字x]小时", None, 1)]),
    "365e776b48834701ec1a01a633ebd656:2": L(
        "delivery_status", R=["昨晚凌晨开始就是这个信息了"], E=[("datetime", "昨晚凌晨", None)],
        note="昨晚凌晨 is ambiguous between last evening and the early hours of today; value null"),
    "c3643500f3c2c25ec7444c284f6666a5:16": L(
        "payment_billing", S=["发票上的购买方地址和开户行资料都是正确的"], T=["不用修改", "只要改纳税人识别号即可"]),
    "fec593f37d146294ec7585643d8a48d7:0": L("payment_billing", T=["我想修改一下发票信息可以吗"],
                                             note="发票咨询 is a widget menu label, trimmed"),
    "f7e31dbb806b98ca9ccb76e51abbe519:4": L("return_exchange", T=["就是没问题，是退货流程是吧"]),
    "b3d6e1d9bcc268ee45a4e44a8c6974d9:4": L(
        "delivery_status", S=["浙江省东阳市六石镇康[姓名x]这个地方"], E=[("address", "浙江省东阳市六石镇康[姓名x]", None)],
        note="delivery coverage; partly masked address, value null"),
    "069946a4ebae1c3da94357a5a76ea38b:6": L("payment_billing", S=["我就拍了", "给你们留言"]),
    "7cea1757580aa852fa18fad34706aef4:0": L(
        "payment_billing", S=["昨天有点急事", "没有聊完", "公司名称:圣都[组织机构x]", "纳税人识别号:[数字x]MA[数字x]YHWU[数字x]R"],
        T=["我想把发票的抬头改成公司"], E=[("datetime", "昨天", "-1d")]),
    "5d24a7df9df73ee8b1491d2b2cde4158:8": L(
        "payment_billing", S=["我把邮箱发你", "[邮箱x]"], T=["订单完成后会自动发过来吗"]),
    "7ff5b913-3029-4be7-8655-79e5b127834e:4": L("refund", S=["我是在微信里买的"], R=["找不到"],
                                                 note="cannot find the price-protection entry"),
    "8c5816f49789cdf1c1ca0b68d460559a:4": L(
        "payment_billing", T=["你的意思是 我的[数字x]元运费就只能送到自提点了"], E=[("amount", "[数字x]元", None)]),
    "cf3c7580d1b532b154587c40cd40f4a5:4": L(
        "product_question", S=["我想买这款"], T=["[数字x]也是这个价钱吗"],
        note="pre-sale price question; [数字x] is probably a sale date but not clear, no entity"),
    "086e7d60-8d2d-4115-bff2-2be5a0e7f8d2:6": L(
        "technical_issue", R=["阔以了", "白一点了"], note="screen tint fixed by the agent's advice; no thanks"),
    "590ea5ff0d27a075f468bcb2d816e7c4:6": L(
        "refund", S=["[订单x]"], T=["核实好了吗"], E=[("order_id", "[订单x]", None)]),
})

# ---- batch 3 (draw positions 121-169) ----
LABELS.update({
    "cf3c7580d1b532b154587c40cd40f4a5:8": L(
        "return_exchange", S=["不行我就到时候退货重拍呗"],
        note="plan (situation); literal 退货 beats the price-protection topic"),
    "b98a42f16e69e0d3a157fdbcd3348b68:0": L("product_question", T=["配件是赠送什么"],
                                             note="我要转人工 is a chat command, not labeled"),
    "7b99e19e5bb026a89e3c48c05678a39f:4": L("modify_order", T=["换成 武汉[地址x]"],
                                             E=[("address", "武汉[地址x]", None)]),
    "7299db612db1117ef50d3f16031062a9:8": L(
        "account_login", S=[("[姓名x]", 0), "湖南[地址x] 金泉名府 [数字x]", "贵州[地址x]", "这是我用我的账号购物过", "[姓名x] [数字x]"],
        E=[("address", "湖南[地址x] 金泉名府 [数字x]", None), ("address", "贵州[地址x]", None),
           ("phone", "[数字x]", None, 1)],
        note="account verification data; the last [数字x] answers the request for the receiver phone"),
    "8868e06cf6043c0182b00b1af0a8be64:4": L(
        "delivery_status", S=["几需要用的"], T=["到了哪个包裹送哪个包裹不行吗"], note="几 = 急"),
    "f3e3bff5e99cc8f525ccebe9430deada:4": L(
        "refund", S=["马上五点了"], T=["我还要等多久"], E=[("datetime", "五点", "T17:00")]),
    "c72ef527699a92d3daa7634e1edd7eb6:6": L("refund", T=["我去下一个给你就行了是吧"]),
    "4762d31861079b47405d067400559694:6": L("payment_billing", T=["能换成纸质版的吗"]),
    "a38c7991f9de65bff762c5ef04fbfecb:2": L(
        "refund", T=["能帮我退款吗", "重新拍"], R=["订单下错了"],
        note="restates the dev-set turn :0 of the same dialogue in other words (not a near-duplicate text)"),
    "378380dd5a12337b05880eb22a8f6ee7:10": L("delivery_status", T=["送货的和安装的不是同一个人是吧"]),
    "f3044f87a6af313b7fc06e1d66d69b45:4": L(
        "delivery_status", S=["有急事要出门", "VB[数字x]"], E=[("tracking_no", "VB[数字x]", None)]),
    "378380dd5a12337b05880eb22a8f6ee7:6": L("delivery_status", T=["需要我自己打电话联系安装对吧"]),
    "ad564c18f5a1ced2e55a2c5f0d956365:4": L("return_exchange", T=["下一步是怎么处理"], R=["显示商品已经收到了"]),
    "9c1d666c9e10dec991852cb0864f0df5:14": L(
        "payment_billing", T=["是每家[数字x]元吗", "[数字x]家[数字x]元"],
        E=[("amount", "[数字x]元", None, 0), ("amount", "[数字x]元", None, 1)], note="freight per seller"),
    "b8691d1142533c9b5bfd2a3f62445f0a:4": L("return_exchange", T=["怎么申请", "换货还是退货"]),
    "af080ce6da5fe98743aa64fe17c3c433:8": L("delivery_status", S=["我自己感觉下距离"], T=["哪里有货"]),
    "069946a4ebae1c3da94357a5a76ea38b:8": L(
        "product_question", T=["这个商品确定是自营吧"],
        note="asked because only self-operated items get the special invoice; the literal question is about the item"),
    "f3044f87a6af313b7fc06e1d66d69b45:0": L("delivery_status", T=["快递今天可以到吗"], E=[("datetime", "今天", "+0d")]),
    "5306d5ae2a7f8ddfc8aa17e796d131d7:0": L(
        "delivery_status",
        S=["订单编号: ;[数字x] ; ;订单编号:[数字x]订单编号:[数字x]订单编号:[数字x]订单编号:[数字x]订单编号:[数字x]"],
        T=["京东快递能到吗"], E=[("order_id", "[数字x]", None, i) for i in range(6)],
        note="delivery coverage for six orders"),
    "a2be137429c95bd9914ddf51887e4166:4": L(
        "payment_billing", T=["订单杯拆分得不影响吧"], note="whether the split order affects the coupon (券) payout"),
    "b8691d1142533c9b5bfd2a3f62445f0a:6": L("return_exchange", T=["申请换货补差价吗", "我想要申请售后服务"]),
    "badff1ac395d650742c929f9f96eabbe:4": L(
        "delivery_status", S=["[数字x]", "这个订单客户还要的"], T=["怎么办"], R=["现在是锁定状态"],
        E=[("order_id", "[数字x]", None)],
        note="merchant: the buyer withdrew a refund and still wants the goods; goal is that the order ships"),
    "8b908f590e0c665eccbfa2784a802df6:0": L(
        "delivery_status", S=["我现在过去看看吧", "我要赶着出差"],
        note="dialogue starts mid-conversation (goods at the station); topic partly unknown"),
    "37b68fcb3611037292489bf53c5ae2a3:10": L("other", S=["我自己研究研究"], R=["你不知道把"],
                                              note="算了算了 is pure emotion"),
    "c72ef527699a92d3daa7634e1edd7eb6:14": L("refund", T=["就是申请默认是肯定执行的吗", "有没有驳回的可能"]),
    "0dd4880cba428e50ea21056510d360b9:4": L("refund", T=["如果我现在直接买，不退款可以吗"]),
    "5893f331d39f4f30b57eb6d0c01ed507:0": L(
        "other", T=["[姓名x]这个用户有几台机器"], note="merchant/back-office lookup; 机器 is generic"),
    "7299db612db1117ef50d3f16031062a9:12": L(
        "account_login", S=["买的都是电器", "好像还买过冰箱"],
        E=[("product", "电器", "电器"), ("product", "冰箱", "冰箱")], note="account verification answer"),
    "9dcc779abee756065609d5dd2a4820d5:2": L(
        "payment_billing", S=["[订单x]"], T=["发票开出去了吗"], E=[("order_id", "[订单x]", None)]),
    "a4357e7b8e176924aa368e1af5f05c1a:16": L("delivery_status", S=["现在可以发货了"], T=["帮我尽快发出来吧"]),
    "645fc6b8b38bef197fe806c7cf0ce34b:10": L(
        "delivery_status", T=["[数字x]天内能有货是吧"], E=[("duration", "[数字x]天", None)]),
    "a4357e7b8e176924aa368e1af5f05c1a:12": L("delivery_status", T=["什么意思"], R=["没有人给我打电话"]),
    "a38c7991f9de65bff762c5ef04fbfecb:4": L(
        "praise_thanks",
        E=[("datetime", "[日期x] [时间x]", None), ("order_id", "[数字x]", None), ("amount", "￥[金额x]", None)],
        note="pasted order block + 没了 谢谢 (declines further help); STAR empty, entities kept"),
    "957f6fbb21e4cfbc88b0629ef2d46758:2": L(
        "refund", T=["我的运费[数字x]元得给我吧"], E=[("amount", "[数字x]元", None)],
        note="wants freight money back: refund rather than payment_billing"),
    "b3d6e1d9bcc268ee45a4e44a8c6974d9:8": L(
        "delivery_status", S=["毕竟是个镇", "我准备买东西送到这个地方"], T=["不知道怎么处理"], R=["为什么没这个地方"]),
    "5e70feba3a0bad15c68e3886e809f734:2": L(
        "refund", S=["刚买完还没付款"], R=["价格变了"], note="price drop; the dialogue continues as price protection"),
    "ce82853d-880c-4ea0-9ccd-2548485b1148:4": L(
        "technical_issue", S=["就是按fn屏幕亮度", ("屏幕亮度", 1)], note="clarifies which brightness control fails"),
    "49b05c70913e771f1870ae52484a0af6:16": L(
        "account_login", S=["我要急着买东西"], T=["希望快点"], note="forgotten password, waiting for a call back"),
    "cf3c7580d1b532b154587c40cd40f4a5:6": L(
        "refund", S=["上面不是说保价的吗"], T=["你看一下"], R=["现在价格还不能定啊"],
        note="pre-sale, but the point is price protection"),
    "4a65daed951068ac5cdc0e5742bf79cd:20": L(
        "return_exchange", S=["[地址x]"], T=["是要过来检测么"], E=[("address", "[地址x]", None)]),
    "28338d958c97d8de08cfb30adc4284ff:2": L(
        "delivery_status", T=["昆山发出来", "今天我拿不到了是吧"], E=[("datetime", "今天", "+0d")]),
    "d84c774d824c6d571ce3790b013e905d:2": L(
        "product_question", R=["都带着血水的", "也不好嚼"], note="same dialogue as a dev-set turn labeled product_question"),
})


# ---------------------------------------------------------------------------------------------------------
# Selection, resolution and checks
# ---------------------------------------------------------------------------------------------------------
def dev_exclusions(texts: dict[str, str]) -> tuple[set[str], set[str]]:
    ids = {json.loads(line)["id"] for line in DEV_JSONL.read_text(encoding="utf-8").splitlines() if line.strip()}
    return ids, {text_hash(texts[i]) for i in ids}


def draw(texts: dict[str, str]) -> dict:
    """Re-create the pool and the draw; return the pool sizes and the ids taken in order."""
    dev_ids, dev_hashes = dev_exclusions(texts)
    long = [(t, x) for t, x in texts.items() if len(x) >= MIN_CHARS]
    not_dev = [(t, x) for t, x in long if t not in dev_ids and text_hash(x) not in dev_hashes]
    pool = [(t, x) for t, x in not_dev if _has_content(x)]
    random.Random(SEED).shuffle(pool)
    taken, seen, pos = [], set(), 0
    for pos, (tid, text) in enumerate(pool):
        if len(taken) == N_TARGET:
            pos -= 1
            break
        if pos in SKIPPED:
            continue
        h = text_hash(text)
        if h in seen:
            raise ValueError(f"draw {pos} {tid}: duplicate text not listed in SKIPPED")
        seen.add(h)
        taken.append(tid)
    return {"customer_turns": len(texts), "min_chars": len(long),
            "in_dev_by_id": sum(1 for t, _ in long if t in dev_ids),
            "same_text_as_dev": sum(1 for t, x in long if t not in dev_ids and text_hash(x) in dev_hashes),
            "no_content": len(not_dev) - len(pool), "pool": len(pool), "last_position": pos,
            "skipped": len([p for p in SKIPPED if p <= pos]), "taken": taken}


def check_selection(texts: dict[str, str]) -> dict:
    info = draw(texts)
    if set(info["taken"]) != set(LABELS) or len(info["taken"]) != len(LABELS):
        missing = set(info["taken"]) - set(LABELS)
        extra = set(LABELS) - set(info["taken"])
        raise ValueError(f"labeled ids differ from the draw: missing {sorted(missing)}, extra {sorted(extra)}")
    return info


def build(check_only: bool = False, show: str | None = None) -> list[dict]:
    texts = dict(iter_customer_turns("dev"))
    dev_ids, dev_hashes = dev_exclusions(texts)
    seen_hash: dict[str, str] = {}
    rows = []
    order = {tid: i for i, tid in enumerate(texts)}
    for tid in sorted(LABELS, key=lambda t: order.get(t, -1)):
        lab = LABELS[tid]
        if tid not in texts:
            raise ValueError(f"{tid}: not a customer turn of the dev half")
        text = texts[tid]
        h = text_hash(text)
        if tid in dev_ids or h in dev_hashes:
            raise ValueError(f"{tid}: turn or identical text is already in keyinfo_dev.jsonl")
        if h in seen_hash:
            raise ValueError(f"{tid}: same text as {seen_hash[h]} (duplicate message)")
        seen_hash[h] = tid
        if lab["intent"] not in INTENTS:
            raise ValueError(f"{tid}: unknown intent {lab['intent']!r}")
        if lab["intent"] == "praise_thanks" and any(lab[f] for f in FIELDS):
            raise ValueError(f"{tid}: praise_thanks rows keep STAR empty")
        star, taken = {}, []
        for field in FIELDS:
            spans = []
            for item in lab[field]:
                sub, occ = (item, None) if isinstance(item, str) else item
                spans.append(dev.resolve(text, sub, occ, f"{tid} {field}"))
            spans.sort()
            if len({tuple(s) for s in spans}) != len(spans):
                raise ValueError(f"{tid}: the same {field} span is listed twice")
            star[field] = spans
            taken += [(s, e, field) for s, e in spans]
        taken.sort()
        for (s1, e1, f1), (s2, e2, f2) in zip(taken, taken[1:]):
            if s2 < e1:
                raise ValueError(f"{tid}: STAR spans overlap: {f1} {text[s1:e1]!r} / {f2} {text[s2:e2]!r}")
        ents = []
        for item in lab["entities"]:
            etype, sub, value = item[:3]
            occ = item[3] if len(item) > 3 else None
            if etype not in ENTITY_TYPES:
                raise ValueError(f"{tid}: unknown entity type {etype!r}")
            s, e = dev.resolve(text, sub, occ, f"{tid} entity {etype}")
            dev._check_value(etype, value, f"{tid} entity {sub!r}")
            ents.append({"type": etype, "start": s, "end": e, "value": value})
        ents.sort(key=lambda x: (x["start"], x["end"]))
        for a, b in zip(ents, ents[1:]):
            if b["start"] < a["end"]:
                raise ValueError(f"{tid}: entities overlap: {text[a['start']:a['end']]!r} / "
                                 f"{text[b['start']:b['end']]!r}")
        row = {"id": tid, "hash": h, "star": star, "entities": ents, "intent": lab["intent"]}
        if lab["note"]:
            row["note"] = lab["note"]
        rows.append(row)
        if show and (show == tid or show == "all"):
            print(f"== {tid}  [{lab['intent']}]\n   {text}")
            for field in FIELDS:
                for s, e in star[field]:
                    print(f"   {field[0].upper()} {text[s:e]}")
            for en in ents:
                print(f"   E {en['type']}: {text[en['start']:en['end']]} -> {en['value']!r}")
            if lab["note"]:
                print(f"   note: {lab['note']}")
    if not check_only and not show:
        with OUT.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


def audit(rows: list[dict]) -> int:
    texts = dict(iter_customer_turns("dev"))
    n = 0
    for row in rows:
        text = texts[row["id"]]
        covered = [(e["start"], e["end"]) for e in row["entities"]]
        surfaces = {text[e["start"]:e["end"]] for e in row["entities"] if e["type"] == "product"}
        patterns = dev.AUDIT_PATTERNS + [("product", "|".join(map(re.escape, surfaces)))] * bool(surfaces)
        for etype, pattern in patterns:
            for m in re.finditer(pattern, text):
                if not any(s < m.end() and m.start() < e for s, e in covered):
                    n += 1
                    print(f"AUDIT {row['id']} [{row['intent']}] uncovered {etype}? {m.group()!r} in "
                          f"…{text[max(0, m.start() - 12):m.end() + 12]}…")
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify labels only")
    parser.add_argument("--selection", action="store_true", help="re-draw the sample and compare with the labels")
    parser.add_argument("--show", metavar="ID", help="print one labeled turn (or 'all')")
    parser.add_argument("--audit", action="store_true", help="also list mentions no entity label covers")
    args = parser.parse_args()
    info = check_selection(dict(iter_customer_turns("dev")))
    if args.selection:
        print(json.dumps({k: v for k, v in info.items() if k != "taken"}))
    rows = build(check_only=args.check or args.selection, show=args.show)
    if args.audit:
        print(f"{audit(rows)} audit warnings")
    if not args.show:
        print(dev.counts(rows))
        if not (args.check or args.selection):
            print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
