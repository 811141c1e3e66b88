"""Build the hand-labeled key-information dev set (STAR spans, entities, intent) for JDDC customer turns.

Labels live in this file, keyed by turn id (``<session_id>:<turn index>``) from the ``dev`` half of
``training/jddc_split.py``. Every span is stored as the verbatim substring of the turn text (plus an occurrence
index when the substring repeats); this script finds each substring in the source text, checks it, and writes
character offsets (Python str indices, end exclusive) to ``keyinfo_dev.jsonl`` -- never the text itself.

Run:  python training/devsets/build_keyinfo_dev.py            (writes keyinfo_dev.jsonl, prints counts)
      python training/devsets/build_keyinfo_dev.py --check    (verifies only, writes nothing)
      python training/devsets/build_keyinfo_dev.py --show ID  (prints one labeled turn with its spans; ID or 'all')
      python training/devsets/build_keyinfo_dev.py --audit    (also lists mentions that look like entities but
                                                               carry no label, for review)

Conventions are documented in README_keyinfo.md next to this file.

Label syntax used below:
  L(intent, S=[...], T=[...], A=[...], R=[...], E=[...], note=...)
  STAR span:  "substring"  or  ("substring", occurrence)   # occurrence = 0-based index among matches
  entity:     (type, "substring", value)  or  (type, "substring", value, occurrence)
A substring that occurs more than once in the turn MUST carry an explicit occurrence index.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from jddc_split import iter_customer_turns, text_hash  # noqa: E402

OUT = HERE / "keyinfo_dev.jsonl"

INTENTS = ("refund", "return_exchange", "delivery_status", "modify_order", "cancel_order", "complaint",
           "product_question", "payment_billing", "account_login", "technical_issue", "praise_thanks", "other")
ENTITY_TYPES = ("order_id", "tracking_no", "phone", "amount", "datetime", "duration", "product", "account",
                "address")
FIELDS = ("situation", "task", "action", "result")


def L(intent, S=(), T=(), A=(), R=(), E=(), note=None):
    return {"intent": intent, "situation": list(S), "task": list(T), "action": list(A), "result": list(R),
            "entities": list(E), "note": note}


LABELS: dict[str, dict] = {}
# ---------------------------------------------------------------------------------------------------------
# Labels. Batches follow the order of the dev half; text is not stored here, only the substrings that
# are labeled. Values: null = masked or not recoverable from the text. See README_keyinfo.md.
# ---------------------------------------------------------------------------------------------------------

# ---- batch 1 ----
LABELS.update({
    "00db2eeeb16e3a594565f6f17dc56201:2": L(
        "return_exchange", S=["退货"], T=["北京市以外是[数字x]-[数字x]天吗"], A=["我是[数字x]号审核通过的"],
        E=[("duration", "[数字x]-[数字x]天", None), ("datetime", "[数字x]号", None)],
        note="asks how long the return pickup takes outside Beijing"),
    "00edf97b7bc09c2c5eb300fe97b94c3c:2": L(
        "delivery_status", T=["这个手表跟手机膜是一块送么"],
        E=[("product", "手表", "手表"), ("product", "手机膜", "手机膜")],
        note="asked under the delivery menu: whether both items are delivered together"),
    "00edf97b7bc09c2c5eb300fe97b94c3c:4": L(
        "delivery_status", S=["上午[数字x]点我就出去旅游了"], T=["明天上午几点可以送过来呢"],
        E=[("datetime", "明天上午", "+1dTmorning"), ("datetime", "上午[数字x]点", "Tmorning")]),
    "016d7a3e93c1365a37935fd3385f7471:2": L(
        "cancel_order", S=["我刚买的一加[数字x]手机", "我老婆说不喜欢"], T=["不买了"],
        E=[("product", "一加[数字x]手机", "一加[数字x]手机")]),
    "040843ebf2fcd1c1ea3ca0493171ea69:0": L(
        "modify_order", S=["我的订单设置的是明天晚上六点以后送到"],
        T=["如果今天晚上六点以后能到也可以", "不知道能不能修改一下"],
        E=[("datetime", "明天晚上六点", "+1dT18:00"), ("datetime", "今天晚上六点", "+0dT18:00")]),
    "04bfc8f0-95c2-4cc5-9bf6-eef77678f3cc:4": L(
        "payment_billing", T=["发票刚签收的还没法查吗"], R=["我的订单里查不到"]),
    "069946a4ebae1c3da94357a5a76ea38b:2": L(
        "payment_billing", S=["自营的都可以啊"], T=["是什么问题"], R=["订单页不能选增值税专用发票"]),
    "069946a4ebae1c3da94357a5a76ea38b:10": L("praise_thanks", note="problem resolved by itself; thanks"),
    "06d51010112ea9bba424686919818026:8": L(
        "refund", T=["仓库收到给客户退款"], A=["说是要你们售后专员处理"],
        note="merchant speaking on behalf of its customer"),
    "08492cdfec961fed2248aca725da900f:0": L(
        "refund", S=["订单号:[订单x]"], A=["我申请的价保"], E=[("order_id", "[订单x]", None)],
        note="price protection (价保) counts as refund"),
    "08492cdfec961fed2248aca725da900f:2": L(
        "refund", S=["空调我买的时候[数字x]"], T=["为什么退给我[数字x]"], R=["现在[数字x]"],
        E=[("product", "空调", "空调"), ("amount", "[数字x]", None, 0), ("amount", "[数字x]", None, 1),
           ("amount", "[数字x]", None, 2)]),
    "086e7d60-8d2d-4115-bff2-2be5a0e7f8d2:2": L(
        "technical_issue", T=["该怎么调节呢"], R=["我感觉屏幕有一点黄"]),
    "08b3195f0983ed19d186d9acbcd2bfed:0": L(
        "refund", S=["[订单x]", "这个订单打的白条"], T=["钱怎么退给我"], A=["现在申请退款了", "白条我之前还掉了"],
        E=[("order_id", "[订单x]", None)]),
    "0b106bc67ce71fa28e355a1e29ebc42c:8": L(
        "payment_billing", S=["我朋友跟我一起买的", "他都三天后就能收到发票啊"], T=["现在不能开么"],
        E=[("duration", "三天", "P3D")]),
    "0b47972f58121deac0a8c0a934d383ff:8": L(
        "other", S=["今天特别冷", "一个人跑全城得跑一整天"], T=["多安排两个"],
        E=[("datetime", "今天", "+0d"), ("duration", "一整天", "P1D")],
        note="suggestion to staff more couriers"),
    "0b47972f58121deac0a8c0a934d383ff:10": L(
        "other", S=["送女朋友的"], T=["能在快递员在的情况下拆开看看吗", "看看行不行"],
        note="asks whether the parcel may be opened in front of the courier"),
    "0dd4880cba428e50ea21056510d360b9:2": L(
        "refund", A=["我的订单取消了"], R=["怎么没有退款呢"]),
    "0e56403f6cb0605a958506bbd96ec4e4:0": L(
        "refund", S=["[数字x]"], T=["此单是否退款成功"], E=[("order_id", "[数字x]", None)]),
    "0e56403f6cb0605a958506bbd96ec4e4:2": L(
        "refund", S=["这个是去年的订单"], T=["是退款的情况了"], A=["客户现在来找售后"], R=["我这边查到是取消状态"],
        E=[("datetime", "去年", "-1y")], note="merchant asking about its customer's order"),
    "0ef81ced78b182ee3710681b5f63060f:0": L(
        "refund", S=["我担心今天还不到", "我买的鲜奶保质期就[数字x]天", "还买了好多", "就我一人喝"],
        T=["如果我不想要了，直接申请退款就行吗"],
        E=[("datetime", "今天", "+0d"), ("product", "鲜奶", "鲜奶"), ("duration", "[数字x]天", None)]),
    "0ef81ced78b182ee3710681b5f63060f:2": L(
        "delivery_status", R=["快递显示还让我等", "我怎么感觉今天也是配送无望呢"], E=[("datetime", "今天", "+0d")]),
    "0fc0738c737cac04138c2c61f0c358bf:14": L(
        "delivery_status", S=["VF[电话x]"], T=["这个件麻烦催投", "明天派送"], R=["快递员电话打不通"],
        E=[("tracking_no", "VF[电话x]", None), ("datetime", "明天", "+1d")],
        note="VF... is a JD waybill number that the anonymizer masked as a phone; labeled tracking_no"),
    "1181a24c0bdfe4d532e7dc202ee229f1:2": L(
        "product_question", S=["电信卡"], T=["领取的那个体验卡是可以一直使用还是只能用一个月"],
        E=[("product", "体验卡", "体验卡"), ("duration", "一个月", "P1M"), ("product", "电信卡", "电信卡")]),
    "1458e95f-d329-4755-950e-87ac8d628ae8:4": L(
        "product_question", T=["显示器上的USB 接口怎样与电脑连接起来"], E=[("product", "显示器", "显示器")]),
    "16cc4dd8d8999a3abbc274747acb6fdd:2": L(
        "delivery_status", A=["连续反馈[数字x]天"], R=["货还没出库"], E=[("duration", "[数字x]天", None)]),
    "17fa6a8a3942664c756d68f0f042c80b:2": L(
        "refund", S=[("[订单x]", 0), "订单号: [订单x]"], T=["我要申请退款"],
        E=[("order_id", "[订单x]", None, 0), ("order_id", "[订单x]", None, 1)]),
    "17fa6a8a3942664c756d68f0f042c80b:6": L(
        "complaint", A=["叫他们重新发货"], R=["京东买东西都这么慢", "又不肯换物流公司"]),
    "17fa6a8a3942664c756d68f0f042c80b:8": L(
        "refund", T=["退款几天能退到给我"], note="complaint opener, the concrete request is the refund timing"),
    "1a4a103f-72b0-4aa4-9261-4b09cfff0c2c:2": L(
        "product_question", S=["需求:补水保湿"], T=["这两个，哪个好点"]),
    "1be453ef8d66312e2480ee165ed07bbd:6": L("praise_thanks", note="declines further help and thanks"),
    "1db8ed394df3fbba75dd8d304da70c94:2": L(
        "refund", S=["[订单x]"], T=["这单退款，钱是退到哪"], E=[("order_id", "[订单x]", None)]),
    "1f4e184bc1209135f86c34745c78d635:2": L(
        "payment_billing", T=["可以更改下发票信息么"], R=["我忘记更改发票信息了"]),
    "1f9bfb2bdb72a8c90093c18bdb6982c4:0": L(
        "delivery_status", T=["黑鲨什么时候发货啊"], E=[("product", "黑鲨", "黑鲨")]),
    "20f86401b901a19f9e7a3adb91b3d414:4": L("delivery_status", T=["估计什么时候能发货"]),
    "21f36333f5d7d29f11e2a95c5f19c292:0": L(
        "return_exchange", T=["我需要退货"], R=["很多货物来不及送达"],
        note="the customer says 退货; in context the goods are undelivered and get cancelled"),
    "21f36333f5d7d29f11e2a95c5f19c292:8": L(
        "cancel_order", T=["今天来不及就不要了", "如果都是明天才能到的货就帮我取消吧"],
        E=[("datetime", "今天", "+0d"), ("datetime", "明天", "+1d")]),
    "2300653b028f3c7122239e542027ead1:0": L(
        "delivery_status", T=["明天我的手机发货过来吗"], E=[("datetime", "明天", "+1d"), ("product", "手机", "手机")]),
    "269a5e859745100cae705698838b41fd:4": L(
        "return_exchange", T=["来取件时会带新的来吗"], A=["我申请的更换"]),
    "2763ad45902af5a873f03f52c5030b7f:0": L(
        "delivery_status", T=["请核实下"], R=["物流显示已签收", "客户本人没收到"],
        note="leading [数字x] is unlabeled: could be an order or waybill number"),
    "28338d958c97d8de08cfb30adc4284ff:0": L(
        "delivery_status", T=["上海没货了吗"], R=["预计[数字x]号送到"], E=[("datetime", "[数字x]号", None)]),
})

# ---- batch 2 ----
LABELS.update({
    "2ba5c8010eb5db58f64cba29527fc49e:2": L(
        "refund", R=["洗衣机降价[数字x]"], E=[("product", "洗衣机", "洗衣机"), ("amount", "[数字x]", None)],
        note="price drop after purchase, i.e. a price-protection request"),
    "2c712efc19f80a28db09c87af1b895fe:0": L("other", T=["能不能寄宠物"], note="sending a parcel with JD express"),
    "2ea5c60506dc91e9ce0a5911a8d39b7e:8": L(
        "complaint", A=["非告诉我果子长[姓名x]了是水分流失，正常的，可以吃", "让我重新再申请一遍"],
        E=[("product", "果子", "果子")],
        note="thanks JD but the content is a complaint about the third-party seller"),
    "2f99a332a1c0bfc9ad9e5c7bf1915bbc:4": L(
        "product_question", S=["我要贴钢化玻璃膜"], T=["是不是要把原装膜撕下"],
        E=[("product", "钢化玻璃膜", "钢化玻璃膜")]),
    "31b63e1a32c2e6cc80c688aa110f9ae5:0": L(
        "technical_issue", S=["我这个锅用了几天了", "昨晚用的时候", "就是要煮[数字x]个小时", "以前水开后都是一直咕嘟着"],
        T=["这是怎么回事啊"], R=["水开了就自己停了"],
        E=[("product", "锅", "锅"), ("datetime", "昨晚", "-1dTevening"), ("duration", "[数字x]个小时", None)]),
    "31b63e1a32c2e6cc80c688aa110f9ae5:2": L(
        "technical_issue", S=["上面显示要煮[数字x]个小时", "一些豆子，米", "以前都是它自己咕嘟[数字x]个小时"],
        R=["开了就停", "这样根本煮不熟"],
        E=[("duration", "[数字x]个小时", None, 0), ("duration", "[数字x]个小时", None, 1)]),
    "3376b0c7b6e5423e6253313da8260dc2:4": L(
        "delivery_status", T=["是不是送错地方了"], R=["没有送过"]),
    "3376b0c7b6e5423e6253313da8260dc2:6": L(
        "delivery_status", A=["昨天另外一个没收到问过", "问过两次了", "刚联系客服", "另外一个客服说帮问[数字x]小时回复"],
        R=["目前还没收到回复", "刚看订单中发现不止那个没有", "还有这个也没有"],
        E=[("datetime", "昨天", "-1d"), ("duration", "[数字x]小时", None)]),
    "3566ee4d90c2cbf9df7b7df851f867ad:4": L(
        "return_exchange", S=["售后服务单号:[数字x]"], T=["看看进度"], R=["时长这么久"],
        E=[("order_id", "[数字x]", None)], note="after-sales service order number labeled order_id"),
    "3566ee4d90c2cbf9df7b7df851f867ad:10": L(
        "return_exchange", T=["赶紧跟进下"], R=["不能开直播了"], note="device under repair"),
    "35bb21fd83c460e7959234634d830223:4": L("return_exchange", T=["我申请售后的订单还未处理吗"]),
    "365e776b48834701ec1a01a633ebd656:0": L(
        "delivery_status", S=["咨询订单号:[订单x] 订单金额:[金额x] 下单时间:[日期x]", "下午要拿到", "演出远门了"],
        T=["帮我查下快递到哪了"], R=["很久没有更新信息了"],
        E=[("order_id", "[订单x]", None), ("amount", "[金额x]", None), ("datetime", "[日期x]", None),
           ("datetime", "下午", "Tafternoon")]),
    "365e776b48834701ec1a01a633ebd656:4": L("delivery_status", T=["站点在哪", "不是时时更新的吗"]),
    "36e6a2fe22c037e5b15a9f5ff7f96bb1:2": L(
        "payment_billing", S=["客户要开发票"], T=["是平台开吗"], note="merchant asking"),
    "378380dd5a12337b05880eb22a8f6ee7:2": L("delivery_status", T=["货到了后什么时候可以安装"],
                                              note="installation scheduling counts as delivery_status"),
    "378380dd5a12337b05880eb22a8f6ee7:12": L(
        "delivery_status", T=["只能是我打电话预约，师傅才上门安装是吧"]),
    "37b68fcb3611037292489bf53c5ae2a3:2": L("other", T=["怎么用你们的京东发快递"]),
    "382d4b13debe13c459720e052d938115:4": L(
        "delivery_status", S=["如果今天能到天津我还可以打电话自己催一下"], R=["已经超过[数字x] 小时没有物流更新了"],
        E=[("duration", "[数字x] 小时", None), ("datetime", "今天", "+0d")]),
    "382d4b13debe13c459720e052d938115:6": L(
        "delivery_status", S=["着急用", "明天还出差"], R=["电脑到了", "鼠标没到"],
        E=[("product", "电脑", "电脑"), ("product", "鼠标", "鼠标"), ("datetime", "明天", "+1d")]),
    "382d4b13debe13c459720e052d938115:8": L(
        "delivery_status", T=["如果到了天津[地址x]，给催一下单可以吗"], E=[("address", "天津[地址x]", None)]),
    "382d4b13debe13c459720e052d938115:10": L("praise_thanks", E=[("datetime", "今天", "+0d")]),
    "39d5903bd1885e7fa42f4409bdb6607a:2": L("payment_billing", T=["我要发票", "纸质版的"]),
    "39d5903bd1885e7fa42f4409bdb6607a:6": L(
        "complaint", S=["还有一包打印纸"], R=["还让我选干嘛"], E=[("product", "打印纸", "打印纸")],
        note="paper invoice offered as an option but not available"),
    "3a53d3cf095d6ebbf70f9cc139249894:0": L(
        "return_exchange", T=[("是什么情况", 0), ("是什么情况", 1)],
        A=[("我跟卖家联系好了", 0), ("卖家说不是他们关的", 0), ("我跟卖家联系好了", 1), ("卖家说不是他们关的", 1)],
        R=[("第三方退货申请被关闭", 0), ("第三方退货申请被关闭", 1)], note="message pasted twice; both copies labeled"),
    "3c029752e3b054a330ac3b810c177ed1:0": L(
        "delivery_status", T=["能否提供一下快递单号"], R=["快递找不到了"]),
    "3e65e31e1addf1bf3c1f11bcb5ece73a:2": L(
        "cancel_order", S=["从拍下到现在 已经[数字x]天了"], T=["我想取消"], R=["商家不发货", "说是关联订单无法取消"],
        E=[("duration", "[数字x]天", None)]),
    "3e65e31e1addf1bf3c1f11bcb5ece73a:6": L(
        "cancel_order", S=["不发货的话 我看看别家的鞋去"], T=["麻烦您帮忙取消吧"], E=[("product", "鞋", "鞋")]),
    "3e65e31e1addf1bf3c1f11bcb5ece73a:10": L("praise_thanks", note="confirms the cancellation and thanks"),
    "3f9a6316c816723b4e6f63a697f09a64:2": L(
        "payment_billing", S=["我购买的晨光文具"], T=["什么时候开专票过来啊"], E=[("product", "晨光文具", "晨光文具")]),
    "414efb38bf9d1eabaa22a25de233118e:2": L(
        "refund", S=["订单号:[订单x]"], T=["有没有得退差价的啊"], R=["波动太大了"], E=[("order_id", "[订单x]", None)]),
    "423cf20167b2166e30034ab0746b5e15:2": L(
        "payment_billing", T=["[数字x]的固体硬盘可以开纸质发票吗"], R=["电子发票错了", "账号错了"],
        E=[("product", "固体硬盘", "固体硬盘")]),
    "423cf20167b2166e30034ab0746b5e15:4": L(
        "return_exchange", S=["我没拆封的固态硬盘", "我是担心[数字x]价格有更好的价格"],
        T=["过[数字x]个月后。是否可以全退", "我就想退货", "买新的"],
        E=[("product", "固态硬盘", "固态硬盘"), ("duration", "[数字x]个月", None)],
        note="the [数字x] before 价格 is probably a sale date (618); not labeled"),
    "423cf20167b2166e30034ab0746b5e15:6": L(
        "return_exchange", S=["没拆封的"], T=["过了[数字x]天呢"], E=[("duration", "[数字x]天", None)]),
    "42e25be2f96d052772bda92eb9c773c2:6": L("return_exchange", S=["人为碰撞的"], T=["想找修修", "维修"]),
    "42e25be2f96d052772bda92eb9c773c2:8": L(
        "return_exchange", T=["不知道要花多少钱", "需要多久"], A=["我已经申请了"]),
    "4551392d094e968cf59414223fb57a70:0": L(
        "delivery_status", S=["[电话x]"], R=["显示签收了", "顾客手机号错误", "没有收到货"],
        E=[("phone", "[电话x]", None)], note="merchant speaking about its customer"),
    "4551392d094e968cf59414223fb57a70:2": L(
        "modify_order", S=["正确电话是:[电话x]"], T=["请让派送站点联系这个电话"], R=["顾客之前留的电话错了"],
        E=[("phone", "[电话x]", None)]),
    "4551392d094e968cf59414223fb57a70:4": L(
        "delivery_status", T=["请核实后直接联系顾客说明清楚"], R=["一直没有收到货", "包裹显示签收了"]),
    "4623bff3342c6a82f708dca7f650606c:6": L(
        "payment_billing", T=["修改为单位发票"], R=["我现在的是个人发票"]),
    "467c6139581745bd373581213877a354:2": L(
        "return_exchange", T=["查一查[订单x]", "这个是要退货的"], E=[("order_id", "[订单x]", None)]),
    "467c6139581745bd373581213877a354:4": L(
        "payment_billing", T=[("专票就不开了", 0), ("不用邮寄来了", 0), ("专票就不开了", 1), ("不用邮寄来了", 1), "你处理一下哈"],
        A=["货已经退了"]),
    "4762d31861079b47405d067400559694:2": L(
        "payment_billing", T=["能重新开下吗"], R=["我这个手机当时开的电子发票不对", "抬头的怎么写的是 个人 俩字啊"],
        E=[("product", "手机", "手机")]),
})

# ---- batch 3 ----
LABELS.update({
    "47b82a5cc1ee25ca5ee5392b7012cc64:2": L(
        "refund", S=["我买的这个单子"], T=["能退差价吧"], R=["买了几天就降价好多"]),
    "4831af1071f2f015b35a9b95042e923c:0": L(
        "cancel_order", S=["小米[数字x]的那个"], T=["我要取消订单", "你能帮我取消么"],
        E=[("product", "小米[数字x]", "小米[数字x]")]),
    "4831af1071f2f015b35a9b95042e923c:2": L(
        "complaint", A=["我这刚说退货"], R=["你那就发货了"],
        note="gives up on cancelling after the order shipped; no remaining request"),
    "48aee43a3a9dc820a9fd1ec75e0d0cdb:2": L("payment_billing", R=["发票我好像备注的是个人抬头"]),
    "48aee43a3a9dc820a9fd1ec75e0d0cdb:14": L("payment_billing", T=["能修改就行"], R=["填错了"]),
    "49468b1f35a567af8322dad7a9aefbc0:0": L(
        "return_exchange", S=[("[数字x]", 0), "[数字x] 这个单号"], T=["麻烦你们再帮我查一下", "出结果了吗"],
        E=[("order_id", "[数字x]", None, 0), ("order_id", "[数字x]", None, 1)],
        note="waiting for the after-sales inspection result"),
    "49468b1f35a567af8322dad7a9aefbc0:2": L(
        "return_exchange", T=["检测中心有没有出结果"], A=["我知道已经收货了"]),
    "49468b1f35a567af8322dad7a9aefbc0:4": L(
        "return_exchange", A=["昨天应该就收到了"], R=["还没开始检测"], E=[("datetime", "昨天", "-1d")]),
    "49468b1f35a567af8322dad7a9aefbc0:6": L(
        "return_exchange", T=["你赶紧帮我催一下吧"], A=["昨天跟我说今天出结果"],
        E=[("datetime", "昨天", "-1d"), ("datetime", "今天", "+0d")]),
    "49468b1f35a567af8322dad7a9aefbc0:8": L(
        "return_exchange", T=["麻烦快一点好吧"], R=["今天结果到现在还没开始检测"], E=[("datetime", "今天", "+0d")]),
    "49b05c70913e771f1870ae52484a0af6:0": L("account_login", R=["我密码忘了", "以前手机号现在不用了"]),
    "49b05c70913e771f1870ae52484a0af6:2": L(
        "account_login", S=[("[数字x]", 0), "我现在用[数字x]这个号码"],
        E=[("phone", "[数字x]", None, 0), ("phone", "[数字x]", None, 1)],
        note="first number = old account phone asked for by the agent, second = current phone"),
    "4a5f2a2884f5f1c054d6633f6ef0c0f7:2": L(
        "delivery_status", T=["今天能到吗"], R=["这个订单没发收货码"], E=[("datetime", "今天", "+0d")]),
    "4a65daed951068ac5cdc0e5742bf79cd:0": L("return_exchange", T=["我想要申请售后服务"], R=["屏幕裂了"]),
    "4a65daed951068ac5cdc0e5742bf79cd:16": L(
        "return_exchange", T=["这个申请是啥意思啊", "是要过来取手机么"], E=[("product", "手机", "手机")]),
    "4a65daed951068ac5cdc0e5742bf79cd:18": L(
        "return_exchange", T=["一年内是免费的吧"], E=[("duration", "一年", "P1Y")]),
    "4af18e3b-5aa8-4303-95ef-073169d19587:8": L(
        "product_question", S=["不是我用我帮朋友买", "她预算没那么高"], T=["主板是哪家的", "电源呢"]),
    "4c088d0348f061c08008e357b7e05af4:2": L(
        "modify_order", S=["[数字x]   [订单x] 这两个订单空调"], T=["帮我调成[数字x]月[数字x]号发货可以么"],
        E=[("order_id", "[数字x]", None, 0), ("order_id", "[订单x]", None), ("product", "空调", "空调"),
           ("datetime", "[数字x]月[数字x]号", None)]),
    "4c9cbef38dfdf8e86fb51f8be04318b3:0": L(
        "return_exchange", S=["我买的那个手机壳"], T=["现在能不能退货了"], E=[("product", "手机壳", "手机壳")]),
    "53681b204c20136162b87492d18570ca:8": L(
        "return_exchange", A=["客服只给我退了一罐", "就跟快递大哥说暂时别拿"]),
    "53681b204c20136162b87492d18570ca:10": L("return_exchange", T=["麻烦您这边给我办理退三罐的"]),
    "56647f3dd555adcbbd7824ea59e1b459:0": L(
        "modify_order",
        S=["我订的抽油烟，灶台，蒸箱，洗碗机，微波炉", "订单编号:[订单x]，订单金额:[金额x]，下单时间:[日期x] [时间x]"],
        T=["需要修改送货时间为[数字x]月[数字x]日", "具体安装时间再约"],
        E=[("product", "抽油烟", "抽油烟"), ("product", "灶台", "灶台"), ("product", "蒸箱", "蒸箱"),
           ("product", "洗碗机", "洗碗机"), ("product", "微波炉", "微波炉"), ("datetime", "[数字x]月[数字x]日", None),
           ("order_id", "[订单x]", None), ("amount", "[金额x]", None), ("datetime", "[日期x] [时间x]", None)]),
    "5893f331d39f4f30b57eb6d0c01ed507:4": L("delivery_status", S=["用户表示买了两台"], R=["现在还没到货"]),
    "5893f331d39f4f30b57eb6d0c01ed507:6": L("delivery_status", T=["麻烦查询一下"], R=["跟踪订单表示已签收"]),
    "58ab9387a0898040a468e37b932ebcae:0": L(
        "refund", S=["我的是货到付款"], T=["价格保护", "怎么弄"]),
    "58ab9387a0898040a468e37b932ebcae:4": L(
        "refund", S=["星期六的单", "下单的时候是[数字x]"], R=["还没有到货", "现在我一看都[数字x]啦"],
        E=[("datetime", "星期六", "W6"), ("amount", "[数字x]", None, 0), ("amount", "[数字x]", None, 1)]),
    "590ea5ff0d27a075f468bcb2d816e7c4:2": L("refund", T=["退款的钱什么时候能到账"], A=["卖家已经退款"]),
    "590ea5ff0d27a075f468bcb2d816e7c4:10": L("refund", T=["钱现在是在京东这儿还是银行里"]),
    "5acf9d267b69056a88285eea760a8470:2": L("payment_billing", T=["那个白条开通后能有多少额度"]),
    "5b471e2d6ebc24838e04774c53701a2a:2": L(
        "modify_order", S=["广西东盟经济技术开发区([姓名x][姓名x])[姓名x]与聚源路口西北侧[数字x]区"], T=["能送来这个地址吗"],
        E=[("address", "广西东盟经济技术开发区([姓名x][姓名x])[姓名x]与聚源路口西北侧[数字x]区", None)],
        note="wants delivery to a new address; the agent treats it as an address change"),
    "5b471e2d6ebc24838e04774c53701a2a:4": L(
        "modify_order", S=["单号是[订单x]", "广西[地址x]", "联系方式是[数字x]"], T=["能送到这个地址吗"],
        E=[("order_id", "[订单x]", None), ("address", "广西[地址x]", None), ("phone", "[数字x]", None)]),
    "5d24a7df9df73ee8b1491d2b2cde4158:6": L("payment_billing", T=["你记得改", "是纸质发票吗"]),
    "5d24a7df9df73ee8b1491d2b2cde4158:10": L(
        "payment_billing", S=["咨询订单号:[订单x] 订单金额:[金额x] 下单时间:[日期x]"], T=["这个订单发票信息能改吗"],
        R=["已经生产了"],
        E=[("order_id", "[订单x]", None), ("amount", "[金额x]", None), ("datetime", "[日期x]", None)]),
    "5d24a7df9df73ee8b1491d2b2cde4158:12": L(
        "payment_billing", S=["当时忘记改抬头了"], R=["发票已经开出了"]),
    "5d24a7df9df73ee8b1491d2b2cde4158:14": L("payment_billing", T=["可以改吗", "不用明细，写日用品可以吗"]),
    "5d24a7df9df73ee8b1491d2b2cde4158:26": L("praise_thanks"),
    "5d24a7df9df73ee8b1491d2b2cde4158:30": L("payment_billing", T=["多久后可以查看打印"]),
    "5d805aa18b630c65790a3d0f9f81e361:0": L(
        "modify_order", S=["我刚才的这三个订单"], T=["这三个生鲜类的可以一起送到嘛"]),
    "5d805aa18b630c65790a3d0f9f81e361:2": L(
        "modify_order", T=["明天中午[数字x]点以后送到", "别早晨送"],
        E=[("datetime", "明天中午[数字x]点", "+1dTnoon"), ("datetime", "早晨", "Tmorning")]),
    "5d805aa18b630c65790a3d0f9f81e361:4": L(
        "modify_order", S=["三样东西"], T=["最好一起发过去", "别让她跑两趟下楼取"]),
    "5dc7a565a99a5432fcc9c18fe0bcb8cc:0": L(
        "return_exchange",
        S=[("购买的老人手机", 0), "订单编号:[订单x]，订单金额:[金额x]，下单时间:[日期x] [时间x]", ("购买的老人手机", 1),
           ("购买的老人手机", 2)],
        T=[("如何申请退货", 0), ("如何申请退货", 1), ("如何申请退货", 2)],
        R=[("不能用", 0), ("不能用", 1), ("不能用", 2)],
        E=[("product", "老人手机", "老人手机", 0), ("order_id", "[订单x]", None), ("amount", "[金额x]", None),
           ("datetime", "[日期x] [时间x]", None), ("product", "老人手机", "老人手机", 1),
           ("product", "老人手机", "老人手机", 2)],
        note="message pasted three times; all copies labeled"),
    "5dc7a565a99a5432fcc9c18fe0bcb8cc:12": L(
        "return_exchange", S=["电话[电话x]"], T=["我就等快递来取货，之后等通知即可了吧"], E=[("phone", "[电话x]", None)]),
})

# ---- batch 4 ----
LABELS.update({
    "5e70feba3a0bad15c68e3886e809f734:6": L(
        "refund", S=["订单:[订单x]", "财务人不在准备今天上班来办款的"], R=["发现价格变了"],
        E=[("order_id", "[订单x]", None), ("datetime", "今天", "+0d")],
        note="price changed before payment; the dialogue is about price protection"),
    "5e70feba3a0bad15c68e3886e809f734:10": L(
        "refund", S=["订单:[订单x]"], T=["麻烦帮我看一下我这个有没有保价"], E=[("order_id", "[订单x]", None)]),
    "5e70feba3a0bad15c68e3886e809f734:22": L("refund", T=["要不不退差价 能送个赠品吗"]),
    "5f6954bf-ecf0-4d60-bb91-bd8fc4df2ab4:4": L(
        "return_exchange", T=["手机要改成上门取件了", "帮我操作一下"], E=[("product", "手机", "手机")],
        note="change the after-sales return method to pickup"),
    "5f6954bf-ecf0-4d60-bb91-bd8fc4df2ab4:8": L("return_exchange", T=["你帮我把这个取消掉，改成上门取件"]),
    "60a88ba6a37fd088139e2bd6af5915bd:2": L(
        "payment_billing", S=["发票在填写的时候忘记填纳税人识别号了"], T=["能修改重新开吗"], R=["报销不了"]),
    "60a88ba6a37fd088139e2bd6af5915bd:10": L(
        "payment_billing",
        S=["[数字x]MA[数字x]GPKN[数字x]C", ("订单号: [订单x]", 0), ("订单号: [订单x]", 1), ("订单号: [订单x]", 2)],
        T=["发票抬头不用修改，只需要加上纳税人识别号就可以了", "可以一并修改吗"], R=["还有三个订单也存在这样的情况"],
        E=[("order_id", "[订单x]", None, 0), ("order_id", "[订单x]", None, 1), ("order_id", "[订单x]", None, 2)],
        note="tax number (税号) is not an entity type"),
    "60aac3dc-0915-4f53-87b3-9839146e567e:2": L(
        "product_question", S=["除了待机时间长，其他都一样"], T=["这个三代表不是跟二代差不多吗"],
        E=[("product", "三代表", "三代表"), ("product", "二代", "二代")]),
    "60aac3dc-0915-4f53-87b3-9839146e567e:4": L(
        "product_question", S=["我们原来用的是二代"], R=["怎么没有计步和WiFi", "感觉出来不同"],
        E=[("product", "二代", "二代")]),
    "612ebdf432f06130e1d10b5c6b341435:0": L(
        "return_exchange", S=["今天来取手机维修"], T=["请联系我的电话[电话x]"],
        E=[("datetime", "今天", "+0d"), ("product", "手机", "手机"), ("phone", "[电话x]", None)]),
    "645fc6b8b38bef197fe806c7cf0ce34b:2": L(
        "delivery_status", S=["买了好几天了"], T=["空调什么时候才能给我们配送"], E=[("product", "空调", "空调")]),
    "645fc6b8b38bef197fe806c7cf0ce34b:4": L(
        "delivery_status", S=["买了两台"], A=["送了一台"], R=["这台预计今天送", "还没送呢"],
        E=[("datetime", "今天", "+0d")]),
    "68d645395b7054ca438d3f3a39f37b38:2": L(
        "delivery_status", S=["咨询订单号:[订单x] 订单金额:[金额x] 下单时间:[日期x]"], T=["我的坚果大概啥时候能有货"],
        E=[("product", "坚果", "坚果"), ("order_id", "[订单x]", None), ("amount", "[金额x]", None),
           ("datetime", "[日期x]", None)]),
    "68d645395b7054ca438d3f3a39f37b38:4": L(
        "delivery_status", T=["能不能大概给个时间单位呢"], E=[("duration", "两天", "P2D")],
        note="the duration quotes the agent's vague estimate"),
    "6a2799e43a4e49082fb676df6474acc5:2": L(
        "cancel_order", S=["VC[数字x]"], T=["可以帮我把这个订单拦截回吗"], E=[("tracking_no", "VC[数字x]", None)],
        note="intercepting a shipped order counts as cancel_order"),
    "6b3f81001e90c6003ed48d1bb5382885:2": L(
        "payment_billing", S=["我刚才买的那一箱酒"], T=["我想换成公司抬头可以吗"], E=[("product", "酒", "酒")]),
    "6b7c5579ae93beb3eaac2d0b57fd1534:0": L(
        "cancel_order", T=["我想取消订单", "怎么处理么", "直接拒收可以吗"], R=["已经发货"]),
    "6b7c5579ae93beb3eaac2d0b57fd1534:2": L(
        "delivery_status", T=["我想查询订单的配送信息"], R=["地址电话有误"]),
    "6b7c5579ae93beb3eaac2d0b57fd1534:14": L(
        "modify_order", S=["[订单x]"], T=["我觉得让朋友给代收一下吧"], E=[("order_id", "[订单x]", None)]),
    "6bf5efc903bdd50089d5c7ef7408a0e2:6": L(
        "payment_billing", S=["[数字x]", "发票有点赶"], T=["麻烦快点"], E=[("phone", "[数字x]", None)],
        note="the agent had just asked for a contact phone; the leading number answers that"),
    "6ec9543d6087f8ad5fef078a828d076c:0": L(
        "delivery_status", T=["催单", "快递今天可以到吗"], E=[("datetime", "今天", "+0d")]),
    "6fd63072784f3971ec16b6a2fb9a3b37:0": L(
        "payment_billing", T=["京东支付账单仅显示过去一年的吗"], E=[("duration", "一年", "P1Y")]),
    "6fd63072784f3971ec16b6a2fb9a3b37:2": L(
        "payment_billing", T=["一年前的支付账单应该怎么查询"], E=[("datetime", "一年前", "-1y")]),
    "6fd63072784f3971ec16b6a2fb9a3b37:6": L(
        "payment_billing", T=["商品订单能保存几年的", "这个支付账单为何不多保存一点啊"]),
    "6fd63072784f3971ec16b6a2fb9a3b37:8": L(
        "payment_billing", T=["建议你们能多保留一两年京东支付的数据"], E=[("duration", "一两年", "P1Y~P2Y")]),
    "701cdb94e4e4d58734e213257468cc97:0": L(
        "other", S=["我们想为店铺设置一批售后服务卡", "打印后随货物发出"], T=["上面可以印京东logo吗"],
        note="merchant asking about store material"),
    "701cdb94e4e4d58734e213257468cc97:4": L(
        "other", S=["咱们是京东店铺，专属的服务卡"], T=["为啥不能"]),
    "70a00d7957d2cb250fca390ae67c661a:0": L(
        "modify_order", S=["本人不在郑州[地址x]"], T=["预约安装派送"], E=[("address", "郑州[地址x]", None)]),
    "70a00d7957d2cb250fca390ae67c661a:4": L(
        "modify_order", T=["能不能送货安装一天解决"], R=["明天派送我也不能收货啊"],
        E=[("datetime", "明天", "+1d"), ("duration", "一天", "P1D")]),
    "70a00d7957d2cb250fca390ae67c661a:6": L("modify_order", T=["请帮忙在系统里备注一下吧"]),
    "70a00d7957d2cb250fca390ae67c661a:10": L("modify_order", S=["拍的时候没找到改的地方"], R=["没改"]),
    "70a00d7957d2cb250fca390ae67c661a:14": L(
        "modify_order", T=["派送时间帮我改到[数字x]/[数字x]日"], E=[("datetime", "[数字x]/[数字x]日", None)]),
    "70a00d7957d2cb250fca390ae67c661a:18": L("modify_order", R=["我怎么看订单送货时间没有更改"]),
    "70a00d7957d2cb250fca390ae67c661a:20": L("cancel_order", T=["如果不能更改，我是否可以取消重新拍"]),
    "70a00d7957d2cb250fca390ae67c661a:22": L(
        "praise_thanks", E=[("datetime", "[数字x]/[数字x]日", None)], note="confirms the change and thanks"),
    "71b949c2f63205789c4eec88d1cc699e:2": L(
        "payment_billing", S=["订单编号:[订单x]，订单金额:[金额x]，下单时间:[日期x] [时间x]"], T=["麻烦对账"],
        A=["此单[数字x]元钱已付"],
        E=[("amount", "[数字x]元", None), ("order_id", "[订单x]", None), ("amount", "[金额x]", None),
           ("datetime", "[日期x] [时间x]", None)]),
    "71f9b09363be9cc436ec23ed47e844a2:2": L(
        "payment_billing", S=["订单:[订单x]"], T=["能开公司名称的发票吗"], E=[("order_id", "[订单x]", None)]),
    "737b621261dc8dac9e1431c187a4af80:2": L(
        "cancel_order", S=["咨询订单号:[订单x] 订单金额:[金额x] 下单时间:[日期x]", "没注意是[数字x]款的"],
        T=["这订单帮我取消了啊"], R=["买错了"],
        E=[("order_id", "[订单x]", None), ("amount", "[金额x]", None), ("datetime", "[日期x]", None)]),
    "75e3498170793e1373e69682166fcae6:6": L(
        "refund", T=["一般保价都是[数字x]还是一个月"],
        E=[("duration", "[数字x]", None), ("duration", "一个月", "P1M")],
        note="bare [数字x] is a period (N days) contrasted with 一个月"),
    "7731c001558570f34d2169ec7796c62b:2": L(
        "return_exchange", T=["我可以申请退货吧"], R=["我选择的东西跟我实际收到的货不一样"]),
    "7731c001558570f34d2169ec7796c62b:4": L(
        "return_exchange", T=["得等卖家同意后才能有反馈吧", "还是您那边来审核啊"]),
    "77470b07149272fd35fafc7902dfd2d4:4": L("delivery_status", T=["帮我看下这个件", "什么原因"]),
    "7a6305eba5a8de390c19c42652c6d2b1:0": L(
        "delivery_status", S=["我昨晚下的单"], T=["什么时候发货"], E=[("datetime", "昨晚", "-1dTevening")]),
})

# ---- batch 5 ----
LABELS.update({
    "7b99e19e5bb026a89e3c48c05678a39f:0": L("modify_order", T=["可以不可以帮忙换个收货地址"]),
    "7b99e19e5bb026a89e3c48c05678a39f:6": L(
        "complaint", S=["淘宝都可以换地址啊"], T=["怎么办"], R=["京东怎么不可以"]),
    "7c03dc911ae325e2a54f37b58faf3286:0": L(
        "delivery_status", S=["jd_[数字x]ae[数字x]", "订单号:[数字x]"], T=["核实一下"], R=["客户没收到货"],
        E=[("account", "jd_[数字x]ae[数字x]", None), ("order_id", "[数字x]", None, 2)]),
    "7c524e01c71a095418a6cd2f812f5a09:2": L(
        "product_question", S=["这款硬盘上保修写五年"], T=["这是五年换新 还是 五年内 前几年换新 后面换[姓名x]品"],
        E=[("product", "硬盘", "硬盘"), ("duration", "五年", "P5Y", 0), ("duration", "五年", "P5Y", 1),
           ("duration", "五年", "P5Y", 2)]),
    "7c524e01c71a095418a6cd2f812f5a09:4": L(
        "product_question", T=["[数字x]退换[数字x]是什么意思", "就是过了十五天 就是维修"],
        E=[("duration", "[数字x]", None, 0), ("duration", "[数字x]", None, 1), ("duration", "十五天", "P15D")],
        note="pre-sale warranty terms (N天退/N天换); the bare numbers are day counts"),
    "7ff5b913-3029-4be7-8655-79e5b127834e:0": L(
        "refund", S=["我昨天买[数字x]"], R=["今天就[数字x]了"],
        E=[("datetime", "昨天", "-1d"), ("amount", "[数字x]", None, 0), ("datetime", "今天", "+0d"),
           ("amount", "[数字x]", None, 1)],
        note="price dropped a day after purchase; the agent answers with price protection"),
    "7ff5b913-3029-4be7-8655-79e5b127834e:12": L(
        "technical_issue", S=["电话手表可惜给手机打电话"], R=["手机拨电话手表的号码打不出去", "总是提示在通话中"],
        E=[("product", "电话手表", "电话手表", 0), ("product", "电话手表", "电话手表", 1)], note="first clause has a typo (means: the watch CAN call the phone)"),
    "7ff5b913-3029-4be7-8655-79e5b127834e:14": L(
        "technical_issue", S=["手表可以打手机"], A=["手机下载了"], R=["手机打不了手表"],
        E=[("product", "手表", "手表", 0), ("product", "手表", "手表", 1)]),
    "8570c4e4a442b9ed814647df56cbf06f:2": L(
        "refund", S=["我昨天买的"], T=["能按照现在价格执行吗"], R=["今天看降价[数字x]元", "我的还没有收到"],
        E=[("datetime", "昨天", "-1d"), ("datetime", "今天", "+0d"), ("amount", "[数字x]元", None)]),
    "8570c4e4a442b9ed814647df56cbf06f:10": L(
        "refund", T=["我寻思你要是可以直接操作返我，这样不就省事嘛"], R=["不能直接操作呗"]),
    "8570c4e4a442b9ed814647df56cbf06f:16": L(
        "refund", T=["价保怎么返我呢", "这[数字x]元会原路返还给我，我不用取消订单重新下了，是这个意思不"],
        E=[("amount", "[数字x]元", None)]),
    "87f0b1bab19a59eba57728266be3333d:0": L(
        "delivery_status", T=[("我买的东西好久能收到呢", 0), ("我买的东西好久能收到呢", 1)],
        note="message pasted twice; both copies labeled"),
    "8868e06cf6043c0182b00b1af0a8be64:2": L(
        "delivery_status", S=["我今天[数字x]点[数字x]分钟", "同城不是一天的时间"], R=["到现在还没送达"],
        E=[("datetime", "今天[数字x]点[数字x]分钟", "+0d"), ("duration", "一天", "P1D")],
        note="ordered today at a masked time"),
    "8868e06cf6043c0182b00b1af0a8be64:6": L(
        "delivery_status", S=["九点下的单"], R=["到现在还没送"], E=[("datetime", "九点", "T09:00")]),
    "8a88984af779d4f2c45218e4c172e224:2": L(
        "delivery_status", T=["什么时候可以发货呢"], A=["我之前买的时候说今天可以发货"], R=["现在看要到这个月[数字x]号发货"],
        E=[("datetime", "今天", "+0d"), ("datetime", "这个月[数字x]号", None)]),
    "8c181fed59be795e9d1c208acb4f5ed6:4": L(
        "delivery_status", T=["我想报装我之前买的热水器", "给下美的安装的电话"], E=[("product", "热水器", "热水器")]),
    "8fabcb7e-6330-4dec-aa78-d09afca904d9:2": L(
        "product_question", T=["月见草可以和圣洁莓一起吃吗"],
        E=[("product", "月见草", "月见草"), ("product", "圣洁莓", "圣洁莓")]),
    "8fabcb7e-6330-4dec-aa78-d09afca904d9:6": L(
        "product_question", T=["月见草直接用温水服用还是将软胶囊刺破吃里面的液体"], E=[("product", "月见草", "月见草")]),
    "90278dff95cd27859879aeb767ab684b:0": L(
        "modify_order", T=["能帮忙调一下收货地址吗", "这个电视能不能换个地址送"], E=[("product", "电视", "电视")]),
    "932447fd38cb366d59b7ca7012a661b8:4": L(
        "payment_billing", S=["我着急买东西"], T=["增值税专票信息 审核需要多久"]),
    "946a6a36cbb4469ff77794f3b22fb9e9:2": L(
        "delivery_status", S=["刚下单了胎压检测", "准备周六回老家过端午"], T=["能不能明天到货"],
        E=[("product", "胎压检测", "胎压检测"), ("datetime", "周六", "W6"), ("datetime", "端午", "端午"),
           ("datetime", "明天", "+1d")]),
    "946a6a36cbb4469ff77794f3b22fb9e9:4": L(
        "delivery_status",
        S=["后天我去店安装", "周六就可以按计划回老家了", "如果货迟到一天，估计回之前安装不了", "回老家是长途 跑高速"],
        E=[("datetime", "后天", "+2d"), ("datetime", "周六", "W6"), ("duration", "一天", "P1D")],
        note="explains the deadline behind the delivery request; no explicit request in this turn"),
    "946a6a36cbb4469ff77794f3b22fb9e9:10": L(
        "delivery_status", S=["如果[数字x]中午前到，我下午就可以去安装，否则时间就来不及"],
        E=[("datetime", "[数字x]中午", "Tnoon"), ("datetime", "下午", "Tafternoon")]),
    "946a6a36cbb4469ff77794f3b22fb9e9:16": L("praise_thanks"),
    "9c1d666c9e10dec991852cb0864f0df5:2": L(
        "payment_billing", S=["我买[数字x]的东西"], R=["运费怎么要收我[数字x]元"],
        E=[("amount", "[数字x]", None, 0), ("amount", "[数字x]元", None)]),
    "9f728c7f817866e4129f889b3fea456c:2": L(
        "other", S=["后台奖励贝"], T=["什么时候到账"], A=["我刚刚有兑换精准通"], note="merchant back-office rewards"),
    "a2be137429c95bd9914ddf51887e4166:0": L(
        "payment_billing", T=["这个订单得那个电动牙刷得券啥时候发放啊"], E=[("product", "电动牙刷", "电动牙刷")],
        note="coupons count as payment_billing"),
    "a355848123c808ee053548b340e8bbd4:2": L(
        "refund", T=["我怎么办"], R=["内存降价了", "还没收到货"], E=[("product", "内存", "内存")]),
    "a37fcd8594f0437c23c6050a6b098e67:0": L(
        "other", T=[("申请店铺", 0), ("怎么申请店铺", 0), ("怎么申请店铺", 1)]),
    "a38c7991f9de65bff762c5ef04fbfecb:0": L(
        "refund", S=["[日期x] [时间x] 订单编号:[数字x] 订单金额:￥[金额x]"], T=["能给我退款吗", "我要重新下单"],
        R=["我的订单地址下错了"],
        E=[("datetime", "[日期x] [时间x]", None), ("order_id", "[数字x]", None), ("amount", "￥[金额x]", None)]),
    "a3bf75f05b9082aaa7ca51304582317f:2": L(
        "return_exchange", S=["我原来的联系地址和联系电话都更改了"], T=["我的这个液晶屏需要换屏", "要怎样处理"],
        E=[("product", "液晶屏", "液晶屏")]),
    "a3bf75f05b9082aaa7ca51304582317f:4": L(
        "return_exchange", S=["这是申请维修单号:[数字x]", "我现在的地址:广东[地址x]"], T=["联系电话改为:[电话x]"],
        E=[("order_id", "[数字x]", None, 1), ("address", "广东[地址x]", None), ("phone", "[电话x]", None)],
        note="repair ticket number labeled order_id; the bare number before it is left unlabeled"),
    "a3bf75f05b9082aaa7ca51304582317f:14": L(
        "account_login", T=["去哪里下载"], R=["那个京东叮咚怎么登录不了"]),
    "a3fed6e76a04c6f47112482e934922b3:2": L("other", T=["京东汽车服务的加盟方式"]),
    "a4357e7b8e176924aa368e1af5f05c1a:20": L("praise_thanks"),
    "a568c4cc130fc42ec23b0ecdbc0285f9:2": L(
        "payment_billing", S=["一张增值税专用发票"], T=["什么时候能开出来", "送过来"]),
    "a568c4cc130fc42ec23b0ecdbc0285f9:12": L(
        "payment_billing", S=["外地的无法报销"], T=["电子发票也不用开了"]),
    "a6375ca91cbcd6a2a1630673b62e47b6:0": L("delivery_status", R=["我没收到货物", "订单显示已完成"]),
    "a8b47d5360bded62067ebf4f589453c4:0": L(
        "other", S=["[姓名x]具官方旗舰店", "佛山南海西樵"],
        T=[("怎么开通京东配送呢", 0), ("怎么开通京东配送呢", 1)], R=["还没有签署京配合同"],
        E=[("account", "[数字x]", None, 0), ("address", "佛山南海西樵", "佛山南海西樵"), ("phone", "[数字x]", None, 1)],
        note="merchant onboarding; merchant id -> account, merchant contact number -> phone"),
    "aa441a9ae2b98618461f53b3aac7494c:2": L(
        "return_exchange", S=["今天收到电熨斗"], T=["能申请换货吗"], R=["应该被别人用过"],
        E=[("datetime", "今天", "+0d"), ("product", "电熨斗", "电熨斗")]),
    "aa50d4986e062168506c1868cd9f1f81:0": L("modify_order", S=["刚下单了一个订单哟"], T=["能拆单么"]),
    "aa50d4986e062168506c1868cd9f1f81:6": L(
        "modify_order", S=["我都是下两份的"], T=["能不能拆单派送啊", "看能不能给发两个地方呢"]),
})

# ---- batch 6 ----
META2 = "订单编号:[订单x]，订单金额:[金额x]，下单时间:[日期x] [时间x]"
LABELS.update({
    "acd7657c3b541646b507f3513bc00d1f:2": L(
        "payment_billing", T=["发票呢"], R=["怎么没和书一起送过来"], E=[("product", "书", "书")]),
    "acd7657c3b541646b507f3513bc00d1f:4": L(
        "payment_billing", S=["你网页选择上面有[姓名x]票可选呀", "并没有说只能开电子的呀"],
        note="argues for a paper invoice; [姓名x] is a mis-mask of 纸质"),
    "ad564c18f5a1ced2e55a2c5f0d956365:0": L(
        "return_exchange", S=[(META2, 0), (META2, 1)], T=["我的售后服务请问到哪一步了"],
        E=[("order_id", "[订单x]", None, 0), ("amount", "[金额x]", None, 0), ("datetime", "[日期x] [时间x]", None, 0),
           ("order_id", "[订单x]", None, 1), ("amount", "[金额x]", None, 1), ("datetime", "[日期x] [时间x]", None, 1)]),
    "ad564c18f5a1ced2e55a2c5f0d956365:6": L(
        "return_exchange", S=["我需要重新购买另一个型号"], T=["[数字x]小水滴大众版退货"],
        E=[("product", "[数字x]小水滴大众版", "[数字x]小水滴大众版")]),
    "aeaea1c7cf69ae7857f22f38b2d7a1e0:8": L("other", note="chit-chat with the agent; no problem"),
    "aeaea1c7cf69ae7857f22f38b2d7a1e0:24": L("other", note="chit-chat (asks for the agent's WeChat); no problem"),
    "af080ce6da5fe98743aa64fe17c3c433:0": L(
        "delivery_status", T=[("我的订单大概多久能到", 0), ("我的订单大概多久能到", 1)]),
    "b12f53c4df638c04304adad5517d0690:2": L(
        "product_question", S=["担心真假实在没空逛街"], T=["有问题直接在实体店维修可以吧", "不会假的吧"]),
    "b12f53c4df638c04304adad5517d0690:6": L("product_question", T=["真假有保障吗", "万一假的京东会补偿吗"]),
    "b319182cc42471cdc595c8de1bf2d34e:0": L(
        "payment_billing", R=[("现在怎么没有免邮费卷了", 0), ("现在怎么没有免邮费卷了", 1)]),
    "b32a242ba7c5d9ce394f202ac96a29cb:0": L(
        "payment_billing", T=[("我想更改发票信息怎么更改", 0), ("我想更改发票信息怎么更改", 1), "单位，税号更改在哪里可以"]),
    "b3d6e1d9bcc268ee45a4e44a8c6974d9:2": L("delivery_status", R=["京东地址为什么有些地方送达不了"]),
    "b3d6e1d9bcc268ee45a4e44a8c6974d9:6": L(
        "delivery_status", S=["六石镇"], T=["有什么办法能送过去"], E=[("address", "六石镇", "六石镇")]),
    "b697cdf0fa03a3edd54c758339db934b:4": L(
        "modify_order", T=["想修改送货时间"], A=["当时选择支付方式后就自动提交订单了"]),
    "b697cdf0fa03a3edd54c758339db934b:12": L(
        "modify_order", T=["我该怎么办", "我想修改", "应该怎么办"], R=["目前显示的是[数字x]号送货"],
        E=[("datetime", "[数字x]号", None)]),
    "b697cdf0fa03a3edd54c758339db934b:14": L(
        "modify_order", S=["只能周末收货"], T=["想[数字x]号或者[数字x]号", "这款洗衣机需要派安装师[姓名x]"],
        E=[("datetime", "周末", "weekend"), ("datetime", "[数字x]号", None, 0), ("datetime", "[数字x]号", None, 1),
           ("product", "洗衣机", "洗衣机")]),
    "b697cdf0fa03a3edd54c758339db934b:20": L(
        "product_question", T=["这款洗衣机需要安装师傅上门安装么"], E=[("product", "洗衣机", "洗衣机")]),
    "b6c6dd02-7a1f-4cc0-bbbc-0608ab26b5de:0": L("delivery_status", S=["我刚下的单"], T=["抓紧给发过来吧"]),
    "b7f251612b3462a48b9b949287a520a5:0": L("account_login", A=["我刚绑定"], R=["为什么说我没绑定"]),
    "b8691d1142533c9b5bfd2a3f62445f0a:2": L(
        "return_exchange", T=["我这个单想换个[数字x]k的屏"], R=["[数字x]的清晰度不够"],
        E=[("product", "[数字x]k的屏", "[数字x]k的屏")], note="exchange a monitor for a higher-resolution one"),
    "b8691d1142533c9b5bfd2a3f62445f0a:16": L(
        "return_exchange", S=["昨晚看还有"], T=["怎么办"], R=["现在没有退货这个按钮了"],
        E=[("datetime", "昨晚", "-1dTevening")]),
    "b98a42f16e69e0d3a157fdbcd3348b68:8": L("delivery_status", T=["什么时候发货", "几天能到"], A=["我付款好了"]),
    "b98a42f16e69e0d3a157fdbcd3348b68:12": L(
        "payment_billing", S=["刚才忘记备注了"], T=["发什么快递", "我要发票", "帮我打发票名字[姓名x] 抬头"]),
    "b98a42f16e69e0d3a157fdbcd3348b68:14": L(
        "refund", S=["咨询订单号:[订单x] 订单金额:[金额x] 下单时间:[日期x]"],
        T=[("我申请退款", 0), "我跟你们说备注下不行吗", "我跟你说修改地址不行吗", "和名字不行吗", ("我申请退款", 1), "回答我"],
        E=[("order_id", "[订单x]", None), ("amount", "[金额x]", None), ("datetime", "[日期x]", None)],
        note="angry; threatens a refund because the invoice name/address could not be noted"),
    "badff1ac395d650742c929f9f96eabbe:2": L(
        "refund", S=["[数字x]"], T=["什么时候能钱能到客服手里"], A=["这订单客户申请退款了"],
        E=[("order_id", "[数字x]", None)], note="merchant asking about its customer's refund"),
    "bb528781f9cef3305d54008b5b96021e:8": L("technical_issue", R=["收货后发现心率测试没在手臂上还会跳动"]),
    "bff546aaacde4de47181c480e7356891:2": L(
        "delivery_status", T=["我订单[数字x]日能准时到么"], E=[("datetime", "[数字x]日", None)]),
    "bff546aaacde4de47181c480e7356891:4": L(
        "delivery_status", S=["我订的东西[数字x]日要用"], T=["只是预计"], E=[("datetime", "[数字x]日", None)]),
    "bff546aaacde4de47181c480e7356891:10": L("praise_thanks"),
    "c35a5c611fe629a3b8c919f7f570e9d6:0": L(
        "cancel_order", S=["咨询订单号:[订单x] 商品ID:[数字x]"], A=["我这个昨天申请取消订单"], R=["没有进度"],
        E=[("datetime", "昨天", "-1d"), ("order_id", "[订单x]", None)], note="商品ID (SKU) is not an entity"),
    "c35a5c611fe629a3b8c919f7f570e9d6:4": L(
        "cancel_order", T=["他今天发货给我我就不收了", "没有问题吧"], E=[("datetime", "今天", "+0d")]),
    "c3643500f3c2c25ec7444c284f6666a5:2": L(
        "payment_billing", T=["需要重开", "怎么处理"], R=["我有两张增值税发票的纳税人识别号开错了"]),
    "c427e9ca6c3e71b6ca1e5bec8ce5228c:0": L(
        "delivery_status", T=[("这个订单能麻烦尽快配送吗", 0), ("这个订单能麻烦尽快配送吗", 1)]),
    "c72ef527699a92d3daa7634e1edd7eb6:2": L(
        "refund", S=["咨询订单号:[订单x] 订单金额:[金额x] 下单时间:[日期x]"], T=["我要保价"], R=["降价[数字x]诶"],
        E=[("order_id", "[订单x]", None), ("amount", "[金额x]", None), ("datetime", "[日期x]", None),
           ("amount", "[数字x]", None)]),
    "c72ef527699a92d3daa7634e1edd7eb6:20": L(
        "cancel_order", T=["后来对比差价的订单怎么处理", "等他自己取消吗"],
        note="second order placed only to show the lower price; asks whether it cancels itself"),
    "c77f77662ce90e5c7fdf8056ba9ee35c:2": L(
        "return_exchange", S=["这个申请换货的产品"], T=["能取消换货审批吗"], R=["后来又充电可以了"]),
    "c78cb751831739f61fa9ab3ef8ba8e23:0": L(
        "return_exchange", S=["之前买都没有这种情况", "这批我也是刚开始吃"], T=["我这批海苔还能退货吗"],
        R=["我觉得是这批海苔的问题"],
        E=[("product", "海苔", "海苔", 0), ("product", "海苔", "海苔", 1)]),
    "c78cb751831739f61fa9ab3ef8ba8e23:6": L(
        "modify_order", S=["我想等这批解决完，再买一批"], A=["已经下单了"], R=["我选择不了送货时间呢"]),
    "c78cb751831739f61fa9ab3ef8ba8e23:8": L("modify_order", T=["我想让快递晚些送", "怎么办"]),
    "c8698f142edcd307a9db0bc0323bcaaf:2": L(
        "modify_order", S=["四川[地址x] [姓名x][数字x]"], T=["需要修改收货地址"],
        E=[("address", "四川[地址x]", None), ("phone", "[数字x]", None)],
        note="new address, receiver name and (masked) phone number"),
    "c8698f142edcd307a9db0bc0323bcaaf:4": L("modify_order", S=["有修改按钮"], R=["修改不成功"]),
    "c8698f142edcd307a9db0bc0323bcaaf:6": L("cancel_order", T=["先取消吧", "我重新下单"]),
    "c884e76acfd4774a1025a5536882bfc4:0": L(
        "refund", S=["我买的钢笔"], A=["上午说不退回了", "给我[数字x]元的什么"], R=["我没弄清"],
        E=[("product", "钢笔", "钢笔"), ("datetime", "上午", "Tmorning"), ("amount", "[数字x]元", None)],
        note="compensation instead of return; asks what the payment is"),
    "c91cc73cf629a1178608fbcf296fc639:4": L("other", T=["我想了解一下会员 plus"], note="membership (PLUS) questions -> other"),
    "c91cc73cf629a1178608fbcf296fc639:6": L("other", T=["现在开通会员 能领取爱奇艺会员吗"]),
})

# ---- batch 7 ----
LABELS.update({
    "a55e54adcc50d52799f0e66663f6f7db:4": L(
        "delivery_status", T=["快点"], note="refuses self-pickup and urges delivery despite the store-anniversary backlog"),
    "ca3317376ab1541310c72a294c825ff4:2": L(
        "payment_billing", T=["这钱是两台笔记本的优惠嘛"], R=["我的发票上出现了-[金额x](不含税)"],
        E=[("amount", "[金额x]", None), ("product", "笔记本", "笔记本")]),
    "ca6e1bdf-5213-46c4-84dc-5f7c0ed29e98:2": L(
        "product_question", T=["这能摄像机云台版可以手机控制摄像头旋转吗"], E=[("product", "摄像机云台版", "摄像机云台版")]),
    "ca6e1bdf-5213-46c4-84dc-5f7c0ed29e98:8": L(
        "product_question", T=["内存卡最大能放多大的卡", "[姓名x]可以自动覆盖吗"], E=[("product", "内存卡", "内存卡")]),
    "cb3e1902-43c3-48bb-b969-af465f511517:0": L(
        "technical_issue", S=["电脑关了"], R=["为什么耳机上的灯他没有关"], E=[("product", "耳机", "耳机")]),
    "ce82853d-880c-4ea0-9ccd-2548485b1148:0": L("technical_issue", R=["为什么快捷亮度调节没有用"]),
    "ce82853d-880c-4ea0-9ccd-2548485b1148:6": L(
        "technical_issue", S=["我是说在键盘上调节屏幕亮度"], R=["不得行", "按了没反应", "必须到显示设置了手动调"]),
    "ce82853d-880c-4ea0-9ccd-2548485b1148:12": L(
        "technical_issue", S=["其它的都可以用"], R=["亮度调节的两个不能"]),
    "d0709a06b8f7ebf43c878a165d9257a9:2": L("other", S=["我想入京东仓"], T=["这个流程怎么操作"],
                                            note="merchant warehousing"),
    "d7dbf6f5bed46bd185c659033adba14a:0": L("account_login", T=["我想更换绑定的手机号怎么操作"]),
    "d7ddfb559cc3ab923f05155585e98812:2": L("delivery_status", S=["是到村里的"], T=["我的订单是京东配送吗"]),
    "d7ddfb559cc3ab923f05155585e98812:8": L(
        "delivery_status", T=["只要不用老爸去市区取就好了"], R=["我看订单是普通快递"]),
    "d84c774d824c6d571ce3790b013e905d:0": L(
        "product_question", R=["为什么牛排咬不烂", "煎了好几次都是这样的"], E=[("product", "牛排", "牛排")],
        note="food quality/usage question; the agent answers with cooking advice"),
    "d85ab3055389468e349e29ebaa74fbd5:0": L(
        "payment_billing", S=["我当时下了一单", "发票抬头选错了选成个人了"], T=["还得改"],
        A=["后来我联系客服更改发票抬头"], R=["只改了其中一单的", "被拆分的另两单没改"]),
    "d8a9315d-08f8-494f-ba86-2707b9a7c119:8": L(
        "product_question", T=["没电池，接点烟器是吗", "直接挂后视镜就行还是要把后视镜拆掉"]),
    "d94158277de93dec49926fcae7c2e4bb:0": L(
        "complaint", T=["你这边到底怎么回事"], A=["我提供好几次了"],
        note="trailing numbers are unexplained (invoice data in context); not labeled"),
    "d94158277de93dec49926fcae7c2e4bb:2": L(
        "complaint", T=["你看一下聊天记录好吗", "到底能不能给我解决了"]),
    "dac170d3a7c96c03d60e26d702e2c94c:2": L(
        "refund", S=["不是一个月内 都可以申请嘛"], T=["请回复"], R=["为什么现在显示超过价保时间"],
        E=[("duration", "一个月", "P1M")]),
    "daf65799ee00f8d38e168d6dc4adaa6a:0": L(
        "refund", S=["订单编号:[订单x]，订单金额:[金额x]，下单时间:[日期x] [时间x]", "我购买的这款手机"],
        R=["今天就有满[数字x]元减[数字x]元的活动"],
        E=[("order_id", "[订单x]", None), ("amount", "[金额x]", None), ("datetime", "[日期x] [时间x]", None),
           ("product", "手机", "手机"), ("datetime", "今天", "+0d"), ("amount", "[数字x]元", None, 0),
           ("amount", "[数字x]元", None, 1)],
        note="a new discount after purchase, i.e. price protection"),
    "deca54e91d02cbd83fbf78f245da969a:2": L(
        "return_exchange", T=["能否改日期到明天"], A=["我申请了换货"], R=["看起来今天就能到了", "今天忘记带旧的那个了"],
        E=[("datetime", "今天", "+0d", 0), ("datetime", "今天", "+0d", 1), ("datetime", "明天", "+1d")]),
    "e06fbb2abc5f99b2c4d8add152625bf1:0": L("account_login", T=["怎么修改"], R=["我的手机号码更换了"]),
    "e06fbb2abc5f99b2c4d8add152625bf1:6": L(
        "account_login", T=["能修改账户信息 吗", "把电话号码给更换一下"]),
    "e1f474f56edcaa1678620272a1fc12f8:0": L(
        "refund", S=["我买的时候[数字x]"], T=["[数字x]天保价的呢"], R=["现在[数字x]", "有差价了"],
        E=[("amount", "[数字x]", None, 0), ("amount", "[数字x]", None, 1), ("duration", "[数字x]天", None)]),
    "e5c251200b334197db095fa63593d20f:2": L("payment_billing", T=["麻烦补普通发票"], R=["增值税发票开不了"]),
    "e5d352b3c839d9cc11548a8c0dacf2cc:10": L("praise_thanks"),
    "e625d1f4c04ffb8c669773e798dbab60:2": L(
        "delivery_status", S=["我回家可以给你们拍照片"], R=["就收到了绿勺子和那个粉色厨房玩具"],
        E=[("product", "绿勺子", "绿勺子"), ("product", "粉色厨房玩具", "粉色厨房玩具")],
        note="incomplete delivery: only part of the order arrived"),
    "e72cf7309638e2a1bfd979f4ce2edf47:6": L(
        "payment_billing", T=["以前的就不用拆了吧"], A=["刚接到电话"], R=["说是上门拆装还要收费"],
        note="installation/removal fee for an exchanged TV"),
    "e953527afd12e5499cb20ce363253716:0": L(
        "refund", R=[("没有结果", 0), "我的报价申诉没有结果"], note="typo for price protection; appeal of a price-protection claim"),
    "ea1f99d3585b1b67b63472bd388451ed:2": L(
        "return_exchange", S=["我是活动价买的", "现在退货 没得活动价买啊"], T=["我要换货"], R=["我这个有质量问题"]),
    "ee7474a7e6a0ed97dc753db396f8e79a:4": L(
        "delivery_status", S=["订单编号:[订单x]，订单金额:[金额x]，下单时间:[日期x] [时间x]", "这个单有两本书"],
        R=["[姓名x]传没有发给我"],
        E=[("order_id", "[订单x]", None), ("amount", "[金额x]", None), ("datetime", "[日期x] [时间x]", None),
           ("product", "书", "书"), ("product", "[姓名x]传", "[姓名x]传")]),
    "efc63ce4257028093e5c72d9f4bc899f:2": L("other", T=["从哪里可以看咚咚月响应时间"], note="merchant back office"),
    "f10e4a9b6c9220c7946bac08d9d49bbc:2": L("delivery_status", T=["从供应商处采购 大约需多久啊"]),
    "f3044f87a6af313b7fc06e1d66d69b45:14": L(
        "product_question", T=["咋们京东自营的有这款手机吗", "现在下单明天可以到吗"],
        E=[("product", "手机", "手机"), ("datetime", "明天", "+1d")]),
    "f3e3bff5e99cc8f525ccebe9430deada:0": L(
        "refund", S=["之前保价的问题", "现在三点多了"], A=["五点之前回复"], R=["还没有消息吗"],
        E=[("datetime", "五点", "T17:00"), ("datetime", "三点多", "T15:00")],
        note="afternoon by context (work hours)"),
    "f4a0edc6ea804074793b08b09908906c:2": L(
        "refund", S=["我有个客人", "我们售后没有和我对接好"], T=["客户还有重新申请退款按钮么"],
        A=[("申请退款", 0), "我给拒绝了"], note="merchant rejected its customer's refund by mistake"),
    "f7e31dbb806b98ca9ccb76e51abbe519:2": L("return_exchange", A=["我申请的退货"], R=["怎么出来的是返修号啊"]),
    "f9f6c85e4696daaaeda068c9c37ff239:2": L(
        "refund", T=["京东怎么补差价给顾客"], R=["购买的产品降价了"]),
    "fade0ca28efed6c620ffcc08cbf2e1b0:0": L(
        "modify_order", S=[("[数字x]", 0), "江苏[地址x] 新湖明珠城望湖苑[数字x]幢[数字x][数字x]室", "客户说这单的详细地址"],
        T=["帮忙备注一下"],
        E=[("order_id", "[数字x]", None, 0), ("address", "江苏[地址x] 新湖明珠城望湖苑[数字x]幢[数字x][数字x]室", None)]),
    "fade0ca28efed6c620ffcc08cbf2e1b0:2": L(
        "delivery_status", S=["VC[数字x]"], T=["这单能给顾客派送吗"], E=[("tracking_no", "VC[数字x]", None)]),
    "fade0ca28efed6c620ffcc08cbf2e1b0:10": L(
        "delivery_status", S=["[数字x]"], R=["这单顾客反应没有收到呢"], E=[("order_id", "[数字x]", None)]),
    "fb9d774f3d940c154b21e94b6f8073e3:2": L(
        "technical_issue", S=["我之前买的这个表"], T=["是什么情况"], R=["现在不走了"], E=[("product", "表", "表")]),
    "fedb05f42f67dbf5079b753669ecc4b3:4": L(
        "payment_billing", T=["您能帮我改一下吗"], R=["我有一个订单的发票抬头留错了"]),
})


# ---------------------------------------------------------------------------------------------------------
# Resolution and checks
# ---------------------------------------------------------------------------------------------------------
import unicodedata  # noqa: E402

_OPEN_CLOSE = {"]": "[", ")": "(", "）": "（", "】": "【"}


def _bad_edge(span: str, at_start: bool) -> bool:
    ch = span[0] if at_start else span[-1]
    if ch.isspace():
        return True
    cat = unicodedata.category(ch)
    if at_start and ch in _OPEN_CLOSE.values():
        return span.count(ch) != span.count({v: k for k, v in _OPEN_CLOSE.items()}[ch])
    if not at_start and ch in _OPEN_CLOSE:
        return span.count(ch) != span.count(_OPEN_CLOSE[ch])
    return cat.startswith("P") or cat == "So"


def _occurrences(text: str, sub: str) -> list[int]:
    out, pos = [], text.find(sub)
    while pos != -1:
        out.append(pos)
        pos = text.find(sub, pos + 1)
    return out


def resolve(text: str, sub: str, occ: int | None, where: str) -> list[int]:
    if not sub:
        raise ValueError(f"{where}: empty span")
    hits = _occurrences(text, sub)
    if not hits:
        raise ValueError(f"{where}: substring not found: {sub!r}")
    if occ is None:
        if len(hits) > 1:
            raise ValueError(f"{where}: substring {sub!r} occurs {len(hits)} times; give an occurrence index")
        occ = 0
    if occ >= len(hits):
        raise ValueError(f"{where}: occurrence {occ} of {sub!r} requested, only {len(hits)} found")
    if _bad_edge(sub, True) or _bad_edge(sub, False):
        raise ValueError(f"{where}: span not trimmed of whitespace/punctuation: {sub!r}")
    start = hits[occ]
    return [start, start + len(sub)]


def _check_value(etype: str, value, where: str) -> None:
    if value is None:
        return
    if etype == "amount":
        ok = isinstance(value, (int, float))
    elif etype == "duration":
        ok = isinstance(value, str) and re.fullmatch(r"P(\d+[YMWD])*(T(\d+[HMS])+)?(~P(\d+[YMWD])*(T(\d+[HMS])+)?)?",
                                                        value) is not None
    elif etype == "datetime":
        ok = isinstance(value, str) and re.fullmatch(
            r"([+-]\d+[dy])?(W[1-7]|weekend|D\d{1,2})?(T(\d\d:\d\d|early|morning|noon|afternoon|evening))?"
            r"|端午", value) is not None and value != ""
    else:
        ok = isinstance(value, str) and value != ""
    if not ok:
        raise ValueError(f"{where}: bad {etype} value {value!r}")


def build(check_only: bool = False, show: str | None = None) -> list[dict]:
    texts = dict(iter_customer_turns("dev"))
    seen_hash: dict[str, str] = {}
    rows = []
    order = {tid: i for i, tid in enumerate(texts)}
    for tid in sorted(LABELS, key=lambda t: order.get(t, -1)):
        lab = LABELS[tid]
        if tid not in texts:
            raise ValueError(f"{tid}: not a customer turn of the dev half")
        text = texts[tid]
        h = text_hash(text)
        if h in seen_hash:
            raise ValueError(f"{tid}: same text as {seen_hash[h]} (duplicate message)")
        seen_hash[h] = tid
        if lab["intent"] not in INTENTS:
            raise ValueError(f"{tid}: unknown intent {lab['intent']!r}")
        star, taken = {}, []
        for field in FIELDS:
            spans = []
            for item in lab[field]:
                sub, occ = (item, None) if isinstance(item, str) else item
                spans.append(resolve(text, sub, occ, f"{tid} {field}"))
            spans.sort()
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
            s, e = resolve(text, sub, occ, f"{tid} entity {etype}")
            _check_value(etype, value, f"{tid} entity {sub!r}")
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


# Completeness audit: mentions that the conventions say are entities but no label covers. Printed as warnings
# (some are deliberate exceptions, explained in the turn's note); run with --audit.
AUDIT_PATTERNS = [
    ("order_id", r"\[订单x\]"), ("amount", r"\[金额x\]|\[数字x\]元|\d+元"), ("phone", r"\[电话x\]"),
    ("address", r"\[地址x\]"), ("datetime", r"\[日期x\]|\[时间x\]|今天|明天|昨天|后天|昨晚|前天|去年|"
                                  r"上午|下午|中午|晚上|早上(?!好)|早晨|凌晨|周[一二三四五六日末]|星期[一二三四五六日天]"
                                  r"|\[数字x\][号日点]|\d+[号日点]|(?:[二三四五六七八九]|十[一二]?)点(半|多)?"),
    ("duration", r"(\[数字x\]|\d+|[一二两三四五六七八九十半]+)\s?(个)?(天|小时|分钟|个月|年|周)"),
    ("tracking_no", r"V[A-Z]\[(数字|电话)x\]"), ("account", r"jd_|USERID"),
]


def audit(rows: list[dict]) -> int:
    texts = dict(iter_customer_turns("dev"))
    n = 0
    for row in rows:
        text = texts[row["id"]]
        covered = [(e["start"], e["end"]) for e in row["entities"]]
        surfaces = {text[e["start"]:e["end"]] for e in row["entities"] if e["type"] == "product"}
        for etype, pattern in AUDIT_PATTERNS + [("product", "|".join(map(re.escape, surfaces)))] * bool(surfaces):
            for m in re.finditer(pattern, text):
                if not any(s <= m.start() and m.end() <= e for s, e in covered) and \
                        not any(s < m.end() and m.start() < e for s, e in covered):
                    n += 1
                    print(f"AUDIT {row['id']} [{row['intent']}] uncovered {etype}? {m.group()!r} in "
                          f"…{text[max(0, m.start() - 12):m.end() + 12]}…")
    return n


def counts(rows: list[dict]) -> str:
    lines = [f"messages: {len(rows)}"]
    intents = collections.Counter(r["intent"] for r in rows)
    lines.append("intent: " + ", ".join(f"{k} {intents[k]}" for k in INTENTS))
    for field in FIELDS:
        n_msg = sum(1 for r in rows if r["star"][field])
        n_span = sum(len(r["star"][field]) for r in rows)
        lines.append(f"{field}: {n_span} spans in {n_msg} messages")
    empty = sum(1 for r in rows if not any(r["star"][f] for f in FIELDS))
    lines.append(f"messages with all STAR fields empty: {empty}")
    et = collections.Counter(e["type"] for r in rows for e in r["entities"])
    nulls = collections.Counter(e["type"] for r in rows for e in r["entities"] if e["value"] is None)
    lines.append("entities: " + ", ".join(f"{k} {et[k]} ({nulls[k]} null)" for k in ENTITY_TYPES)
                 + f"; total {sum(et.values())}; messages with any entity "
                 + str(sum(1 for r in rows if r["entities"])))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify labels only")
    parser.add_argument("--show", metavar="ID", help="print one labeled turn (or 'all')")
    parser.add_argument("--audit", action="store_true", help="also list mentions no entity label covers")
    args = parser.parse_args()
    rows = build(check_only=args.check, show=args.show)
    if args.audit:
        print(f"{audit(rows)} audit warnings")
    if not args.show:
        print(counts(rows))
        if not args.check:
            print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
