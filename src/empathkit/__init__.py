"""empathkit: read a Chinese customer's message the way a senior service agent does.

>>> import empathkit
>>> empathkit.read_cues("气si了😡！！！")  # doctest: +SKIP

The package root only re-exports; nothing heavy (onnxruntime, tokenizers, jieba, OpenCC) is imported until
a function that needs it is first called.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .analyzer import (
    Analyzer,
    analyze_dialogue,
    convert_script,
    detect_emotion,
    detect_emotion_batch,
    detect_script,
    extract_keyinfo,
    extract_keyinfo_batch,
    mask_pii,
    normalize,
    read_cues,
    suggest_response,
    suggest_response_batch,
)
from .audit import ReplyAudit, audit_reply
from .dialogue import ArchiveSummary, DialogueAnalysis, DialogueAudit, RiskWarning
from .errors import EmpathkitError, InputError, ResourceError
from .guardrails import Violation, check_reply
from .keyinfo_types import Entity, KeyInfo, Star, TextSpan
from .reply_types import Reply, ReplyLayers, Triage
from .results import Cue, EmotionResult, Flags, Masked, Normalized, PiiSpan, ScriptInfo

try:
    __version__ = version("empathkit")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = [
    "Analyzer",
    "ArchiveSummary",
    "Cue",
    "DialogueAnalysis",
    "DialogueAudit",
    "EmotionResult",
    "EmpathkitError",
    "Entity",
    "Flags",
    "InputError",
    "KeyInfo",
    "Masked",
    "Normalized",
    "PiiSpan",
    "Reply",
    "ReplyAudit",
    "ReplyLayers",
    "ResourceError",
    "RiskWarning",
    "ScriptInfo",
    "Star",
    "TextSpan",
    "Triage",
    "Violation",
    "__version__",
    "analyze_dialogue",
    "audit_reply",
    "check_reply",
    "convert_script",
    "detect_emotion",
    "detect_emotion_batch",
    "detect_script",
    "extract_keyinfo",
    "extract_keyinfo_batch",
    "mask_pii",
    "normalize",
    "read_cues",
    "suggest_response",
    "suggest_response_batch",
]
