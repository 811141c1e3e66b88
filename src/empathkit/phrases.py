"""Phrase rules for the three taxonomy flags (escalation, sarcasm, urgency).

There is no public gold for the flags, so these rules give the *weak labels* the model's flag heads are
trained on (see ``training/data.py``), and :func:`flag_evidence` names the phrases behind a raised flag.
Patterns are written for simplified text: run them on :attr:`Normalized.text`.
"""
from __future__ import annotations

import re

# Taxonomy §4: complaint to a regulator, media, legal action, bad review, leaving, asking for a manager.
# Asking for a human agent (人工) alone is not escalation.
ESCALATION = re.compile(
    r"12315|12345热线|工信部|消协|消费者协会|市场监管|工商局|银保监|曝光|媒体|记者|微博上|律师|起诉|法院|告你们|维权|"
    r"差评|投诉|举报|(?:不会|再也不|以后不|永远不)(?:再)?(?:买|用|来|光顾)|(?:换|去)(?:别家|淘宝|天猫|拼多多|京东|苏宁)|"
    r"销户|注销账[号户]|(?:找|叫|让)你们?的?(?:领导|经理|主管|上级|负责人|老板)|(?:领导|经理|主管|上级|负责人)(?:出来|来处理|电话)"
)
# Time pressure: urgency words, deadlines, waiting to use the item.
URGENCY = re.compile(
    r"急|赶紧|尽快|马上|立刻|立即|火速|速度|快点|快些|抓紧|来不及|等不了|等着用|急用|"
    r"(?:今天|今晚|明天|明早|后天|周[一二三四五六日末]|这周)(?:之前|以前)?(?:就|一定|必须|务必)?(?:要|得)(?:用|到|收到|送到|发货)|"
    r"(?:今天|明天)(?:能|可以)?(?:到|送到|发货)吗"
)
# Literal praise used for its opposite, typically with a cold cue or a complaint nearby.
SARCASM = re.compile(
    r"(?:真|可真|实在|太)(?:是)?(?:快|好|棒|厉害|高效|有效率|贴心|负责|专业|给力|省事)(?:啊|呢|呀|哦|了)(?!.{0,3}谢)|"
    r"(?:效率|速度|服务)(?:真|可真|实在)(?:是)?(?:高|快|好)|呵呵|冷笑|谢谢你们全家|好一个|不愧是|厉害了我的"
)


def flag_evidence(model_text: str) -> dict[str, tuple[str, ...]]:
    """The phrases in ``model_text`` (simplified, normalized) that support each flag."""
    return {
        "escalation": tuple(m.group() for m in ESCALATION.finditer(model_text)),
        "sarcasm": tuple(m.group() for m in SARCASM.finditer(model_text)),
        "urgency": tuple(m.group() for m in URGENCY.finditer(model_text)),
    }
