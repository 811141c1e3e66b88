"""Label keys of the taxonomy (``shared/design/taxonomy.md``) with their Chinese names.

Every other module takes its label names from here, so the contract lives in one place.
"""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

EMOTIONS: tuple[str, ...] = (
    "neutral", "anger", "disgust", "anxiety", "sadness", "surprise", "joy", "gratitude",
)
EMOTION_ZH: Mapping[str, str] = MappingProxyType({
    "neutral": "平静", "anger": "愤怒", "disgust": "厌恶", "anxiety": "焦虑",
    "sadness": "失落", "surprise": "惊讶", "joy": "开心", "gratitude": "感谢",
})

POLARITIES: tuple[str, ...] = ("negative", "neutral", "positive")
POLARITY_ZH: Mapping[str, str] = MappingProxyType(
    {"negative": "负面", "neutral": "中性", "positive": "正面"}
)

INTENSITY_LEVELS: tuple[str, ...] = ("none", "mild", "clear", "strong")

FLAGS: tuple[str, ...] = ("escalation", "sarcasm", "urgency")
FLAG_ZH: Mapping[str, str] = MappingProxyType(
    {"escalation": "升级风险", "sarcasm": "反讽", "urgency": "紧急"}
)

STAR_FIELDS: tuple[str, ...] = ("situation", "task", "action", "result")
STAR_ZH: Mapping[str, str] = MappingProxyType(
    {"situation": "情境", "task": "任务", "action": "行动", "result": "结果"}
)

ENTITY_TYPES: tuple[str, ...] = (
    "order_id", "tracking_no", "phone", "amount", "datetime", "duration", "product", "account", "address",
)

INTENTS: tuple[str, ...] = (
    "refund", "return_exchange", "delivery_status", "modify_order", "cancel_order", "complaint",
    "product_question", "payment_billing", "account_login", "technical_issue", "praise_thanks", "other",
)

PII_KINDS: tuple[str, ...] = ("phone", "id_card", "bank_card", "email", "address")

CUE_KINDS: tuple[str, ...] = (
    "emoji", "emoticon", "kaomoji", "punctuation", "elongation", "laughter",
    "abbrev", "profanity", "homophone", "typo", "intensifier",
)

SCRIPTS: tuple[str, ...] = ("simplified", "traditional", "mixed", "non_chinese", "empty")
VARIANTS: tuple[str, ...] = ("cn", "tw", "hk", "t")
