"""analyze_dialogue and audit_reply: input forms, trajectory, risk, summary, audit metrics, bad input."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import empathkit
from empathkit import InputError, audit_reply
from empathkit.dialogue import read_turns

HEATED = [
    ("customer", "你好，我11月20号买的耳机到现在还没发货"),
    ("agent", "您好，有什么问题我可以帮您处理或解决呢?"),
    ("customer", "我说了，耳机还没发货！"),
    ("agent", "嗯"),
    ("customer", "人呢？？？"),
    ("agent", "非常抱歉让您久等了，我马上帮您催一下，您是希望尽快发货还是取消订单呢？"),
    ("customer", "再不发货我就投诉到12315！气死了"),
]
CALM = [
    {"role": "customer", "text": "快递到哪了"},
    {"role": "agent", "text": "您好，帮您查询了，已经在派送中了，今天就能到"},
    {"role": "customer", "text": "好的谢谢"},
]


def test_heated_dialogue_is_high_risk_and_escalated() -> None:
    result = empathkit.analyze_dialogue(HEATED)
    assert result.risk.level == "high"
    assert result.risk.turn == 6
    assert any("escalation" in reason for reason in result.risk.reasons)
    assert result.summary.outcome == "escalated"
    assert result.trend == "heating_up"
    assert result.summary.intent == "delivery_status"
    assert "product: 耳机" in result.summary.entities
    assert [c.index for c in result.customer] == [0, 2, 4, 6]
    assert [a.index for a in result.agent] == [1, 3, 5]
    assert result.agent[1].audit.perfunctory
    assert result.audit.perfunctory_rate == pytest.approx(1 / 3)
    assert result.audit.first_response_empathy is False


def test_calm_dialogue_is_low_risk_and_resolved() -> None:
    result = empathkit.analyze_dialogue(CALM)
    assert result.risk.level == "low"
    assert result.risk.turn is None
    assert result.summary.outcome == "resolved"
    assert result.summary.final_state == "gratitude"
    assert result.unresolved_asks == ()
    assert result.risk.score < empathkit.analyze_dialogue(HEATED).risk.score


def test_input_forms_agree() -> None:
    as_dicts = [{"speaker": r, "content": t} for r, t in HEATED]

    class Row:
        def __init__(self, role: str, text: str) -> None:
            self.role, self.text = role, text

    as_objects = [Row(r, t) for r, t in HEATED]
    chinese_roles = [("客户" if r == "customer" else "客服", t) for r, t in HEATED]
    expected = read_turns(HEATED)
    assert read_turns(as_dicts) == read_turns(as_objects) == read_turns(chinese_roles) == expected


def test_result_is_serialisable_and_masks_personal_data() -> None:
    turns = [("customer", "我的电话13812345678，快递怎么还没到"), ("agent", "好的")]
    data = empathkit.analyze_dialogue(turns).to_dict()
    text = json.dumps(data, ensure_ascii=False)
    assert "13812345678" not in text
    assert data["turns"] == 2 and data["risk_level"] in ("low", "medium", "high")
    assert "<table" in empathkit.analyze_dialogue(turns)._repr_html_()


def test_empty_and_one_sided_dialogues() -> None:
    empty = empathkit.analyze_dialogue([])
    assert empty.turns == () and empty.risk.level == "low" and empty.audit.first_response_empathy is None
    only_agent = empathkit.analyze_dialogue([("agent", "您好")])
    assert only_agent.customer == () and only_agent.audit.replies == 1


@pytest.mark.parametrize("bad, error", [
    ("not a list", TypeError), ([("customer", None)], TypeError), ([("robot", "hi")], InputError),
    ([{"text": "hi"}], InputError), (42, TypeError),
])
def test_bad_input(bad: object, error: type) -> None:
    with pytest.raises(error):
        empathkit.analyze_dialogue(bad)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- audit_reply
@pytest.mark.parametrize("customer, reply, expected", [
    ("我的快递三天了还没到", "亲，非常抱歉让您久等了，我这边马上帮您催一下快递", {"cognitive", "affective", "action"}),
    ("我的快递三天了还没到", "嗯", set()),
    ("我要退款", "这是规定，没办法", set()),
    ("耳机坏了", "您是说耳机坏了对吗？您是希望退货还是换货呢？", {"cognitive"}),
    ("在吗", "有什么问题我可以帮您处理或解决呢?", set()),
])
def test_audit_layers(customer: str, reply: str, expected: set[str]) -> None:
    assert set(audit_reply(customer, reply).layers) == expected


def test_audit_flags_and_score() -> None:
    good = audit_reply("耳机坏了", "非常抱歉，您是说耳机坏了对吗？我马上帮您申请换货，您是希望换新还是退款呢？")
    assert good.confirmation and good.verify_need and good.affective and good.action
    assert good.score == 100
    bad = audit_reply("耳机坏了", "是您自己没有仔细看说明书")
    assert bad.blame and bad.score < 30
    leak = audit_reply("我电话多少来着", "您的电话是13812345678")
    assert leak.personal_data
    filler = audit_reply("快递呢", "好的")
    assert filler.perfunctory and filler.perfunctory_ratio == 1.0 and filler.score == 0
    json.dumps(good.to_dict(), ensure_ascii=False)


def test_audit_reads_traditional_script() -> None:
    audit = audit_reply("我的快遞三天了還沒到", "非常抱歉讓您久等了，我馬上幫您催一下快遞")
    assert set(audit.layers) == {"cognitive", "affective", "action"}


def test_audit_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        audit_reply(None, "好的")  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["customer", "agent"]), st.text(max_size=40)), max_size=6))
def test_analyze_dialogue_never_crashes(turns: list[tuple[str, str]]) -> None:
    result = empathkit.analyze_dialogue(turns)
    assert 0.0 <= result.risk.score <= 1.0
    assert len(result.customer) + len(result.agent) == len(turns)
    for _, index, span in result.star:
        assert turns[index][1][span.start:span.end] == span.text
