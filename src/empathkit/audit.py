"""audit_reply: which empathy layers an agent's reply contains, and what it gets wrong.

The seeds measure an agent's listening by the three layers of empathy (cognitive: shows it understood;
affective: accepts the feeling; action: says what will be done), by whether the agent restates and confirms
the customer's facts, whether it verifies the need, and by the share of perfunctory words. Every detector here
is a rule over the reply (and, for cognitive empathy and confirmation, the customer's message), so it is fast
enough to run over whole archives and explains itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .errors import require_text
from .guardrails import check_reply
from .results import _html_table
from .script import to_simplified

# Phrases that accept the feeling or apologise for the experience.
_AFFECTIVE = re.compile(
    r"抱歉|不好意思|对不起|歉意|理解您|能理解|明白您的|体谅|让您久等|久等了|给您带来(?:的)?不便|给您添麻烦|"
    r"辛苦您|别着急|不要着急|不用着急|别担心|不用担心|请您放心|您放心|您别急|莫急|感谢您的耐心|谢谢您的耐心|"
    r"委屈|心情|着急了|难过|失望了|生气|感同身受|换作是我")
# Concrete next steps, by the agent or for the customer.
_ACTION = re.compile(
    r"(?:帮|为|给|替)您(?:[\u4e00-\u9fff]{0,3})(?:查|申请|处理|核实|核对|催|安排|登记|反馈|备注|修改|改|取消|退|补发|"
    r"换|联系|跟进|提交|操作|预约|升级|加急|记录|转|开|发|解决|看|确认|留意|关注|保留|重新)|"
    r"已(?:经)?(?:帮|为|给|替)?您?(?:申请|处理|催|反馈|备注|登记|提交|修改|取消|安排|联系|核实|加急|补发|退)|"
    r"(?:您|亲)?可以(?:在|点击|通过|联系|申请|提交|选择|直接|去|到|重新|自行|拨打|登录|进入|先)|建议您|麻烦您(?:提供|发|点击|"
    r"申请|联系|稍等)|请您(?:提供|发|点击|申请|联系|稍等|留意|耐心)|稍等|马上|尽快|稍后|会在|这边(?:帮|为|给|查|核实)|正在(?:为|帮)?您?"
    r"(?:查|处理|核实)|我(?:们)?(?:这边)?(?:会|来|去)(?:帮|为|处理|跟进|核实|联系|反馈)")
# Restating the customer's facts or request to check them.
_CONFIRM = re.compile(
    r"您是(?:说|指)|您的意思是|跟您确认|和您确认|与您确认|确认(?:一下|下)(?!.{0,6}收货)|"
    r"(?:是|对)(?:吗|吧|么|嘛)\s*[？?]?\s*$|对吗|对吧|是这样吗|是吧[？?]|没错吧|是这个(?:订单|商品|地址)")
# Asking what the customer wants, or offering options.
_VERIFY = re.compile(
    r"您(?:是|看)?(?:希望|想要|需要|打算|倾向).{0,24}还是|还是.{0,16}(?:呢|吗)\s*[？?]|请问您(?:是)?(?:需要|希望|想要|想)"
    r"(?!.{0,6}(?:其他|别的|帮助|什么))|您看(?:是|要|需要)|您(?:这边)?(?:是)?(?:要|想)(?:退|换|取消|修改|补)")
# Bare fillers: a reply made only of these is perfunctory.
_FILLER_WORDS = re.compile(r"嗯+|哦+|噢+|喔+|额+|好的|好滴|好哒|是的|对的|收到|了解|明白|知道了|可以的|行|ok|亲|哈|呢|哦哦")
_PUNCT = re.compile(r"[\s，,。.！!？?~～…、:：;；\[\]【】()（）\"“”'‘’]+")
# Words too generic to show that a reply understood this particular message.
_GENERIC = frozenset("""您好 你好 客服 问题 可以 这个 那个 一下 什么 怎么 这边 那边 我们 您的 订单 商品 情况 需要 帮您
请问 谢谢 感谢 麻烦 稍等 时间 处理 已经 现在 还是 就是 没有 不是 如果 然后 因为 所以 知道 一个""".split())
_WORD = re.compile(r"\[[^\]]*x\]|[A-Za-z0-9]{2,}|[\u4e00-\u9fff]{2,}")
_MASKED = re.compile(r"\[[^\]]*x\]")
# Greeting and closing templates say nothing about this customer: removed before the detectors run.
_RITUALS = re.compile(
    r"有什么(?:问题)?(?:我|小妹|这边)?可以(?:帮|为)(?:您|你)(?:处理|解决|效劳|服务)?(?:或解决)?(?:的)?(?:吗|呢|么)?|"
    r"(?:请问)?(?:您)?还有(?:其他|什么|别的)(?:问题|事情|可以|需要).{0,16}?(?:吗|呢|么)|"
    r"很高兴为您服务|感谢您的(?:咨询|支持|理解)|祝您(?:生活)?愉快|欢迎(?:您)?(?:下次)?光临")


@dataclass(frozen=True, slots=True)
class ReplyAudit:
    """What one agent reply does, with a 0–100 score and the reasons.

    Attributes:
        cognitive: refers specifically to what the customer said (shared content words, entities, restatement).
        affective: accepts the feeling or apologises for the experience.
        action: says concretely what will be done or what the customer can do next.
        confirmation: restates the customer's facts or request to confirm them.
        verify_need: asks what the customer wants or offers options.
        perfunctory: the reply is only fillers (嗯/哦/好的) or a brush-off (这是规定, 您冷静一下).
        perfunctory_ratio: share of the reply's characters that are filler words.
        blame: phrasing that puts the fault on the customer.
        personal_data: unmasked personal data echoed in the reply.
        score: 0–100 (layers and confirmation add, perfunctory, blame and personal data subtract).
        reasons: what raised or lowered the score.
        evidence: the matched words per detector.
    """

    cognitive: bool
    affective: bool
    action: bool
    confirmation: bool
    verify_need: bool
    perfunctory: bool
    perfunctory_ratio: float
    blame: bool
    personal_data: bool
    score: int
    reasons: tuple[str, ...] = ()
    evidence: tuple[tuple[str, str], ...] = ()

    @property
    def layers(self) -> tuple[str, ...]:
        """The empathy layers present, in order (``cognitive``, ``affective``, ``action``)."""
        return tuple(name for name in ("cognitive", "affective", "action") if getattr(self, name))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with flat scalars first (one DataFrame row per reply)."""
        return {"score": self.score, "cognitive": self.cognitive, "affective": self.affective,
                "action": self.action, "confirmation": self.confirmation, "verify_need": self.verify_need,
                "perfunctory": self.perfunctory, "perfunctory_ratio": round(self.perfunctory_ratio, 4),
                "blame": self.blame, "personal_data": self.personal_data, "reasons": list(self.reasons),
                "evidence": [list(e) for e in self.evidence]}

    def __repr__(self) -> str:
        return (f"ReplyAudit(score={self.score}, layers={list(self.layers)}, confirmation={self.confirmation}, "
                f"verify_need={self.verify_need}, perfunctory={self.perfunctory})")

    def _repr_html_(self) -> str:
        rows = [("score", str(self.score)), ("layers", ", ".join(self.layers) or "none"),
                ("confirmation", str(self.confirmation)), ("verify need", str(self.verify_need)),
                ("perfunctory", f"{self.perfunctory} ({self.perfunctory_ratio:.0%} filler)")]
        rows += [("reason", r) for r in self.reasons]
        return _html_table("ReplyAudit", rows)


def _content_words(text: str) -> set[str]:
    words: set[str] = set()
    for match in _WORD.finditer(text):
        token = match.group()
        if _MASKED.fullmatch(token):
            continue
        if re.fullmatch(r"[\u4e00-\u9fff]+", token):
            # Chinese runs: every 2-character window, so 耳机坏了 shares 耳机 with 您的耳机.
            words.update(token[i:i + 2] for i in range(len(token) - 1))
        else:
            words.add(token.lower())
    return {w for w in words if w not in _GENERIC}


def audit_reply(customer_text: str, agent_reply: str) -> ReplyAudit:
    """Audit one agent reply to one customer message.

    Args:
        customer_text: what the customer said (the turn or turns the reply answers); may be empty.
        agent_reply: the agent's reply.

    Raises:
        TypeError: if either argument is not a str.
    """
    require_text(customer_text)
    require_text(agent_reply)
    reply = _RITUALS.sub("", to_simplified(agent_reply))
    customer = to_simplified(customer_text)
    evidence: list[tuple[str, str]] = []

    def found(name: str, pattern: re.Pattern[str]) -> bool:
        match = pattern.search(reply)
        if match:
            evidence.append((name, match.group()))
        return match is not None

    affective = found("affective", _AFFECTIVE)
    action = found("action", _ACTION)
    confirmation = found("confirmation", _CONFIRM)
    verify_need = found("verify_need", _VERIFY)
    shared = sorted(_content_words(customer) & _content_words(reply))
    cognitive = bool(shared) or confirmation
    if shared:
        evidence.append(("cognitive", "、".join(shared[:4])))
    violations = check_reply(agent_reply, customer_text, min_chars=0, max_chars=10 ** 9)
    rules = {v.rule for v in violations}
    bare = _PUNCT.sub("", reply)
    filler_chars = sum(len(m.group()) for m in _FILLER_WORDS.finditer(bare))
    ratio = filler_chars / len(bare) if bare else 1.0
    perfunctory = "perfunctory" in rules or (bool(bare) and ratio >= 0.8) or not bare
    blame = "blame" in rules
    personal = "personal_data" in rules
    score = 25 * cognitive + 25 * affective + 30 * action + 10 * confirmation + 10 * verify_need
    reasons = [f"{name} layer present" for name, on in (("cognitive", cognitive), ("affective", affective),
                                                          ("action", action)) if on]
    reasons += [f"{name} layer missing" for name, on in (("cognitive", cognitive), ("affective", affective),
                                                          ("action", action)) if not on]
    if confirmation:
        reasons.append("restates or confirms the customer's facts")
    if verify_need:
        reasons.append("verifies the need")
    if perfunctory:
        score -= 40
        reasons.append("perfunctory: fillers or a brush-off with nothing else")
    if blame:
        score -= 30
        reasons.append("blames the customer")
    if personal:
        score -= 30
        reasons.append("echoes unmasked personal data")
    return ReplyAudit(cognitive=cognitive, affective=affective, action=action, confirmation=confirmation,
                      verify_need=verify_need, perfunctory=perfunctory, perfunctory_ratio=min(1.0, ratio),
                      blame=blame, personal_data=personal, score=max(0, min(100, score)), reasons=tuple(reasons),
                      evidence=tuple(evidence))
