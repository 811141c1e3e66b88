"""Analyzer: owns the loaded resources; the module-level functions use one shared default instance.

Creating an :class:`Analyzer` costs nothing: tables, the ONNX session and the segmenter load on first use,
once, under a lock, and are only read after that, so one instance serves any number of threads.
"""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Union

from . import normalize as _normalize
from . import pii as _pii
from . import script as _script
from ._resources import Lazy, has_data
from .cues import DEFAULT_LEXICONS, Lexicons
from .emotion import empty_result, to_result
from .runtime import LONGEST_MAX_TOKENS, Runtime
from .keyinfo_types import KeyInfo
from .errors import InputError, require_text, require_texts
from .reply_types import Reply
from .results import Cue, EmotionResult, Masked, Normalized, ScriptInfo

if TYPE_CHECKING:
    from .dialogue import DialogueAnalysis

UserDict = Union[str, "os.PathLike[str]", Mapping[str, str]]
_MODEL_FILE = "model.onnx"


def _missing(feature: str, what: str) -> NotImplementedError:
    return NotImplementedError(
        f"{feature} needs {what}, which this build of empathkit does not ship yet"
    )


def _read_user_dict(user_dict: UserDict) -> dict[str, tuple[str, str, float]]:
    """Slang entries from a mapping (surface → standard) or a UTF-8 TSV file (surface, standard[, kind[, valence]])."""
    entries: dict[str, tuple[str, str, float]] = {}
    if isinstance(user_dict, Mapping):
        for surface, standard in user_dict.items():
            if not isinstance(surface, str) or not isinstance(standard, str) or not surface:
                raise InputError("user_dict must map non-empty str surface forms to str standard forms")
            entries[surface] = (standard, "homophone", 0.0)
        return entries
    if not isinstance(user_dict, (str, os.PathLike)):
        raise TypeError(f"user_dict must be a mapping {{surface: standard}} or the path of a TSV file, "
                        f"got {type(user_dict).__name__}")
    path = Path(user_dict)
    if not path.is_file():
        raise InputError(f"user_dict file not found: {path}")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0]:
            raise InputError(f"{path}:{number}: expected 'surface<TAB>standard[<TAB>kind[<TAB>valence]]'")
        kind = fields[2] if len(fields) > 2 and fields[2] else "homophone"
        try:
            valence = float(fields[3]) if len(fields) > 3 and fields[3] else 0.0
        except ValueError:
            raise InputError(f"{path}:{number}: valence must be a number, got {fields[3]!r}") from None
        entries[fields[0]] = (fields[1], kind, valence)
    return entries


class Analyzer:
    """Reads customer messages; holds the tables and models it loads on first use.

    Args:
        user_dict: extra slang as a mapping ``{surface: standard}`` or a TSV file with rows
            ``surface<TAB>standard[<TAB>kind[<TAB>valence]]``; its entries take precedence over the packaged ones.
        threads: CPU threads for the model (default: onnxruntime's choice); must be ≥ 1.
        max_chars: longest input read; longer input keeps its head and tail.
        max_tokens: tokens the emotion model reads per message, head + tail (default: the length it was trained
            at, from model.json: 256). Customer messages are far shorter (median 16 tokens); only long texts such
            as reviews or e-mails are affected, and fewer tokens read less of their middle at less cost. From 8
            to 512.

    Raises:
        InputError: if an option has an unusable value.
    """

    def __init__(self, *, user_dict: UserDict | None = None, threads: int | None = None,
                 max_chars: int = _normalize.DEFAULT_MAX_CHARS, max_tokens: int | None = None) -> None:
        if threads is not None and (not isinstance(threads, int) or threads < 1):
            raise InputError(f"threads must be a positive int or None, got {threads!r}")
        if max_tokens is not None and (not isinstance(max_tokens, int) or isinstance(max_tokens, bool)
                                       or not 8 <= max_tokens <= LONGEST_MAX_TOKENS):
            raise InputError(f"max_tokens must be an int from 8 to {LONGEST_MAX_TOKENS} or None, got {max_tokens!r}")
        if not isinstance(max_chars, int) or max_chars < 16:
            raise InputError(f"max_chars must be an int ≥ 16, got {max_chars!r}")
        self.threads = threads
        self.max_chars = max_chars
        self.max_tokens = max_tokens
        self._user_entries = _read_user_dict(user_dict) if user_dict is not None else {}
        self._lexicons: Lazy[Lexicons] = Lazy(self._build_lexicons)
        self._runtime: Lazy[Runtime] = Lazy(self._build_runtime)

    def __repr__(self) -> str:
        return (f"Analyzer(threads={self.threads}, max_chars={self.max_chars}, max_tokens={self.max_tokens}, "
                f"user_entries={len(self._user_entries)})")

    def _build_lexicons(self) -> Lexicons:
        base = DEFAULT_LEXICONS.get()
        return base.with_slang(self._user_entries) if self._user_entries else base

    # ------------------------------------------------------------------ front-end
    def normalize(self, text: str) -> Normalized:
        """The model text, cues, script and offset map of one message (see :func:`empathkit.normalize`)."""
        return _normalize.normalize(text, max_chars=self.max_chars, lexicons=self._lexicons.get())

    def read_cues(self, text: str) -> tuple[Cue, ...]:
        """The surface cues of one message (see :func:`empathkit.read_cues`)."""
        return _normalize.read_cues(text, max_chars=self.max_chars, lexicons=self._lexicons.get())

    def mask_pii(self, text: str) -> Masked:
        """Mask personal data in one message (see :func:`empathkit.mask_pii`)."""
        return _pii.mask_pii(text)

    def detect_script(self, text: str) -> ScriptInfo:
        """Script and regional variant of one message (see :func:`empathkit.detect_script`)."""
        return _script.detect_script(text)

    # ------------------------------------------------------------------ models
    def _build_runtime(self) -> Runtime:
        if not has_data(_MODEL_FILE):
            raise _missing("detect_emotion", "the emotion model (empathkit/data/model.onnx)")
        return Runtime(threads=self.threads, max_tokens=self.max_tokens)

    def detect_emotion(self, text: str) -> EmotionResult:
        """The customer's emotion in one message (see :func:`empathkit.detect_emotion`)."""
        return self.detect_emotion_batch([require_text(text)], batch_size=1)[0]

    def detect_emotion_batch(self, texts: Iterable[str], *, batch_size: int = 32) -> list[EmotionResult]:
        """The emotions of many messages (see :func:`empathkit.detect_emotion_batch`)."""
        items = require_texts(texts)
        if not isinstance(batch_size, int) or batch_size < 1:
            raise InputError(f"batch_size must be a positive int, got {batch_size!r}")
        normalized = [self.normalize(text) for text in items]
        readable = [i for i, n in enumerate(normalized) if n.text.strip()]
        results = [empty_result(n) for n in normalized]
        if readable:
            runtime = self._runtime.get()
            rows = runtime.run([normalized[i].text for i in readable], batch_size=batch_size)
            for row, index in zip(rows, readable):
                results[index] = to_result(row, normalized[index], runtime.spec)
        return results

    def extract_keyinfo(self, text: str, *, reference_time: datetime | None = None,
                        previous_intent: str | None = None) -> KeyInfo:
        """STAR key information, entities and intent of one message (see :func:`empathkit.extract_keyinfo`)."""
        from .keyinfo import extract  # imports jieba lazily (its first use takes about a second)

        return extract(require_text(text), reference_time=reference_time, max_chars=self.max_chars,
                       previous_intent=previous_intent)

    def extract_keyinfo_batch(self, texts: Iterable[str], *, reference_time: datetime | None = None) -> list[KeyInfo]:
        """Key information of many messages (see :func:`empathkit.extract_keyinfo_batch`)."""
        return [self.extract_keyinfo(text, reference_time=reference_time) for text in require_texts(texts)]

    def suggest_response(self, text: str, *, tone: str = "warm", address: str = "您", offers: Iterable[str] = (),
                         callback_time: str | None = None, brand: str | None = None, variant: str | None = None,
                         alternatives: int = 2, emotion: EmotionResult | None = None,
                         keyinfo: KeyInfo | None = None, reference_time: datetime | None = None) -> Reply:
        """A three-layer empathetic reply to one message (see :func:`empathkit.suggest_response`)."""
        from .reply import build_reply, validate_options

        require_text(text)
        offers = validate_options(tone, address, offers, callback_time, brand, variant, alternatives)
        if emotion is not None and not isinstance(emotion, EmotionResult):
            raise TypeError(f"emotion must be a detect_emotion result (EmotionResult) or None, "
                            f"got {type(emotion).__name__}")
        if keyinfo is not None and not isinstance(keyinfo, KeyInfo):
            raise TypeError(f"keyinfo must be an extract_keyinfo result (KeyInfo) or None, got {type(keyinfo).__name__}")
        if emotion is None:
            emotion = self.detect_emotion(text)
        if keyinfo is None:
            keyinfo = self.extract_keyinfo(text, reference_time=reference_time)
        return build_reply(text, emotion, keyinfo, tone=tone, address=address, offers=offers,
                           callback_time=callback_time, brand=brand, variant=variant, alternatives=alternatives)

    def suggest_response_batch(self, texts: Iterable[str], *, tone: str = "warm", address: str = "您",
                               offers: Iterable[str] = (), callback_time: str | None = None,
                               brand: str | None = None, variant: str | None = None, alternatives: int = 2,
                               batch_size: int = 32) -> list[Reply]:
        """Replies to many messages, in input order (the model runs batched)."""
        from .reply import build_reply, validate_options

        items = require_texts(texts)
        offers = validate_options(tone, address, offers, callback_time, brand, variant, alternatives)
        emotions = self.detect_emotion_batch(items, batch_size=batch_size)
        return [build_reply(text, emotion, self.extract_keyinfo(text), tone=tone, address=address, offers=offers,
                            callback_time=callback_time, brand=brand, variant=variant, alternatives=alternatives)
                for text, emotion in zip(items, emotions)]

    def analyze_dialogue(self, turns: Any) -> "DialogueAnalysis":
        """A whole conversation: trajectory, risk, merged key information, summary, agent audit (see
        :func:`empathkit.analyze_dialogue`)."""
        from .dialogue import analyze

        return analyze(turns, self)


_DEFAULT: Lazy[Analyzer] = Lazy(Analyzer)


def default_analyzer() -> Analyzer:
    """The shared default :class:`Analyzer`, built on first use (thread-safe)."""
    return _DEFAULT.get()


# ---------------------------------------------------------------------- module-level functions
def normalize(text: str) -> Normalized:
    """Prepare one message for the model: cleaned, cues read, slang and emoji made plain words, simplified.

    Args:
        text: the raw customer message.

    Returns:
        A :class:`Normalized`: model text, cues (offsets into ``text``), script, offset map.

    Raises:
        TypeError: if ``text`` is not a str.
    """
    return default_analyzer().normalize(text)


def read_cues(text: str) -> tuple[Cue, ...]:
    """The surface cues of one message: emoji, emoticons, kaomoji, punctuation runs, elongation, laughter, slang.

    Args:
        text: the raw customer message.

    Returns:
        Cues in order of position, each with kind, span into ``text``, meaning and valence hint.

    Raises:
        TypeError: if ``text`` is not a str.
    """
    return default_analyzer().read_cues(text)


def mask_pii(text: str) -> Masked:
    """Mask phones, ID-card and bank-card numbers, e-mail and street addresses in one message.

    Args:
        text: any string.

    Returns:
        A :class:`Masked` of the same length as ``text``, with the masked spans.

    Raises:
        TypeError: if ``text`` is not a str.
    """
    return _pii.mask_pii(text)


def detect_script(text: str) -> ScriptInfo:
    """Script (simplified, traditional, mixed, non-Chinese) and regional variant (cn, tw, hk, t) of a message.

    Args:
        text: any string.

    Returns:
        A :class:`ScriptInfo`.

    Raises:
        TypeError: if ``text`` is not a str.
    """
    return _script.detect_script(text)


def convert_script(text: str, variant: str) -> str:
    """Convert simplified text to a customer's variant: ``cn`` (unchanged), ``t``, ``tw`` or ``hk``.

    Args:
        text: simplified Chinese text.
        variant: the target variant, e.g. ``detect_script(message).variant``.

    Returns:
        The converted text.

    Raises:
        TypeError: if ``text`` is not a str.
        InputError: if ``variant`` is unknown.
    """
    return _script.to_variant(text, variant)


def detect_emotion(text: str) -> EmotionResult:
    """The customer's emotion in one message: label, 8 scores, polarity, intensity, flags and cues.

    Args:
        text: the raw customer message.

    Returns:
        An :class:`EmotionResult`.

    Raises:
        TypeError: if ``text`` is not a str.
    """
    return default_analyzer().detect_emotion(text)


def detect_emotion_batch(texts: Iterable[str], *, batch_size: int = 32) -> list[EmotionResult]:
    """The emotions of many messages, batched by length (faster per message than single calls; same scores).

    Args:
        texts: an iterable of messages.
        batch_size: messages per model call.

    Returns:
        One :class:`EmotionResult` per message, in input order.

    Raises:
        TypeError: if ``texts`` is a str or holds a non-str.
    """
    return default_analyzer().detect_emotion_batch(texts, batch_size=batch_size)


def extract_keyinfo(text: str, *, reference_time: datetime | None = None,
                    previous_intent: str | None = None) -> KeyInfo:
    """STAR key information (situation, task, action, result), typed entities and intent of one message.

    Args:
        text: the raw customer message.
        reference_time: the moment relative dates (昨天, 上周五) are resolved against (default: none resolved).
        previous_intent: the conversation's intent so far, for a follow-up turn (``analyze_dialogue`` passes
            it): a message with no clear intent of its own (对的 还需要多久才能处理完?) takes it and is marked
            ``intent_from_context``. Thanks and ``other`` are ignored here.

    Returns:
        A :class:`KeyInfo`; ``restate()`` gives the confirmation sentence in the customer's script.

    Raises:
        TypeError: if ``text`` is not a str.
        InputError: if ``previous_intent`` is not one of :data:`empathkit.labels.INTENTS` or None.
    """
    return default_analyzer().extract_keyinfo(text, reference_time=reference_time, previous_intent=previous_intent)


def extract_keyinfo_batch(texts: Iterable[str], *, reference_time: datetime | None = None) -> list[KeyInfo]:
    """Key information of many messages, in input order.

    Args:
        texts: an iterable of messages.
        reference_time: see :func:`extract_keyinfo`.

    Returns:
        One :class:`KeyInfo` per message.

    Raises:
        TypeError: if ``texts`` is a str or holds a non-str.
    """
    return default_analyzer().extract_keyinfo_batch(texts, reference_time=reference_time)


def suggest_response(text: str, *, tone: str = "warm", address: str = "您", offers: Iterable[str] = (),
                     callback_time: str | None = None, brand: str | None = None, variant: str | None = None,
                     alternatives: int = 2, emotion: EmotionResult | None = None, keyinfo: KeyInfo | None = None,
                     reference_time: datetime | None = None) -> Reply:
    """A three-layer empathetic reply (cognitive, affective, action) in the customer's script.

    The reply restates the facts of the message (masked where personal), names and accepts the feeling at its
    strength, and says what will be done, promising only what ``offers`` allows; a need-verification question
    is added when it helps. It comes with a triage decision (priority, route to a bot, agent or senior agent)
    and alternative phrasings. Same message and options → same reply.

    Args:
        text: the raw customer message.
        tone: ``warm`` (default), ``formal`` or ``brief``.
        address: how the customer is greeted: ``您`` (default), ``亲``, ``先生`` or ``女士``.
        offers: what the agent may actually offer: any of ``refund``, ``replacement``, ``compensation``,
            ``expedite``, ``escalate``, ``callback``. Nothing else is promised; by default the reply only
            commits to checking and reporting back.
        callback_time: when the agent will report back (e.g. ``"今天18:00"``); implies ``callback``.
        brand: the shop or brand name, used in the closing line.
        variant: answer in this script variant (``cn``, ``tw``, ``hk``, ``t``) instead of the customer's own.
        alternatives: how many other phrasings to add (0–5).
        emotion: a :func:`detect_emotion` result for ``text`` to reuse (computed when omitted).
        keyinfo: an :func:`extract_keyinfo` result for ``text`` to reuse (computed when omitted).
        reference_time: passed to :func:`extract_keyinfo` when it is computed here.

    Raises:
        TypeError: if ``text`` is not a str, or ``emotion`` / ``keyinfo`` is not a result of the matching function.
        InputError: if an option has an unknown value.
    """
    return default_analyzer().suggest_response(
        text, tone=tone, address=address, offers=offers, callback_time=callback_time, brand=brand, variant=variant,
        alternatives=alternatives, emotion=emotion, keyinfo=keyinfo, reference_time=reference_time)


def suggest_response_batch(texts: Iterable[str], *, tone: str = "warm", address: str = "您",
                           offers: Iterable[str] = (), callback_time: str | None = None, brand: str | None = None,
                           variant: str | None = None, alternatives: int = 2, batch_size: int = 32) -> list[Reply]:
    """Replies to many messages, in input order (options as in :func:`suggest_response`).

    Raises:
        TypeError: if ``texts`` is a str or holds a non-str.
        InputError: if an option has an unknown value.
    """
    return default_analyzer().suggest_response_batch(
        texts, tone=tone, address=address, offers=offers, callback_time=callback_time, brand=brand,
        variant=variant, alternatives=alternatives, batch_size=batch_size)


def analyze_dialogue(turns: Any) -> "DialogueAnalysis":
    """Analyse a whole conversation between a customer and an agent.

    Returns the customer's emotion per turn and its trajectory (heating up / calming down), a risk warning
    (probability-like score that the case escalates or churns, with the turn and cues that raised it), the
    merged STAR key information and the customer's unresolved asks, an archive summary (issue, what was done,
    outcome, final state), and the agent's empathy metrics (empathy-phrase rate, confirmation rate,
    perfunctory rate, first-response empathy) with an audit of every agent reply.

    Args:
        turns: a list of turns: dicts with ``role`` (or ``speaker``) and ``text`` (or ``content``), ``(role,
            text)`` tuples, objects with ``role``/``text`` attributes, or a pandas DataFrame with such columns.
            Roles: ``customer``/``user``/``客户``… and ``agent``/``客服``/``staff``….

    Raises:
        TypeError: if ``turns`` is a str or a turn's text is not a str.
        InputError: if a role is not recognised.
    """
    return default_analyzer().analyze_dialogue(turns)
