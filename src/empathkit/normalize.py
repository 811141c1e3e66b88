"""Clean a raw message, bound its length, read its cues, and build the model text with an offset map.

Model text rules (the tokenizer must *see* what a senior agent reads):
- emoji, bracket emoticons and kaomoji become their short Chinese meaning (😡 → 生气);
- slang, typos and abbreviations become standard words (肿么 → 怎么, dbq → 对不起);
- laughter becomes 哈哈 (or 冷笑 for 呵呵); runs of punctuation and elongations are cut to 3 marks;
- control characters, lone surrogates and invisible format characters are dropped, whitespace runs become
  one space, full-width ASCII becomes half-width, and traditional script becomes simplified.

Length policy: a message longer than ``max_chars`` keeps its first three quarters of ``max_chars`` and its
last quarter (complaints often end with the demand), joined by "…"; ``truncated`` is then True.
"""
from __future__ import annotations

import unicodedata
from typing import Callable

from .cues import Lexicons, fold, read_all
from .errors import InputError, require_text
from .results import Cue, Normalized
from .script import detect_script, to_simplified

DEFAULT_MAX_CHARS = 5000
# Keep this share of max_chars from the head of an over-long message, the rest from its tail.
_HEAD_SHARE = 0.75
# Runs of the same punctuation mark or character are cut to this many in the model text.
_MAX_RUN = 3
# Identical adjacent emoji/emoticons beyond this many add nothing for the model (😡😡😡😡 → 生气生气).
_MAX_REPEAT_PICTURES = 2
_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_SPACE_CHARS = frozenset("\t\n\r\x0b\x0c \u3000\u00a0\u2028\u2029")


def _replacement(cue: Cue) -> str:
    if cue.kind == "punctuation":
        return fold(cue.text)[:_MAX_RUN]
    if cue.kind == "elongation":
        return cue.meaning * min(_MAX_RUN, len(cue.text))
    return cue.meaning


def _bounded_pieces(text: str, max_chars: int) -> list[tuple[int, int]]:
    if len(text) <= max_chars:
        return [(0, len(text))]
    head = int(max_chars * _HEAD_SHARE)
    tail = max_chars - head
    return [(0, head), (len(text) - tail, len(text))]


def normalize(text: str, *, max_chars: int = DEFAULT_MAX_CHARS, lexicons: Lexicons | None = None) -> Normalized:
    """Prepare one message for the model.

    Args:
        text: the raw customer message.
        max_chars: longest input read; longer input keeps head and tail (see the module docstring).
        lexicons: cue tables to use (default: the packaged ones).

    Returns:
        A :class:`Normalized` with the model text, the cues (offsets into ``text``) and the offset map.

    Raises:
        TypeError: if ``text`` is not a str.
        InputError: if ``max_chars`` is below 16.
    """
    require_text(text)
    if max_chars < 16:
        raise InputError(f"max_chars must be at least 16, got {max_chars}")
    pieces = _bounded_pieces(text, max_chars)
    cues: list[Cue] = []
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def emit(chars: str, start: int, end: int) -> None:
        out.append(chars)
        starts.extend([start] * len(chars))
        ends.extend([end] * len(chars))

    for number, (piece_start, piece_end) in enumerate(pieces):
        if number:
            emit("…", pieces[number - 1][1], piece_start)
        piece = text[piece_start:piece_end]
        piece_cues = read_all(piece, lexicons, offset=piece_start)
        cues.extend(piece_cues)
        cursor = piece_start
        previous: Cue | None = None
        repeats = 0
        for cue in piece_cues:
            _emit_plain(text, cursor, cue.start, emit)
            picture = cue.kind in ("emoji", "emoticon", "kaomoji")
            repeats = repeats + 1 if (picture and previous is not None and previous.end == cue.start
                                      and previous.text == cue.text) else 0
            if repeats < _MAX_REPEAT_PICTURES:
                emit(_replacement(cue), cue.start, cue.end)
            previous = cue
            cursor = cue.end
        _emit_plain(text, cursor, piece_end, emit)

    model_text = to_simplified("".join(out))
    # Trim the spaces _emit_plain may leave at either end, keeping the map aligned.
    left = len(model_text) - len(model_text.lstrip(" "))
    right = len(model_text.rstrip(" "))
    return Normalized(
        text=model_text[left:right], cues=tuple(cues), script=detect_script(text[:max_chars]),
        truncated=len(pieces) > 1, original_length=len(text),
        starts=tuple(starts[left:right]), ends=tuple(ends[left:right]),
    )


def _emit_plain(text: str, start: int, end: int, emit: Callable[[str, int, int], None]) -> None:
    """Copy ``text[start:end]`` cleaned: drop invisible/control characters, one space per whitespace run."""
    index = start
    while index < end:
        ch = text[index]
        if ch in _SPACE_CHARS:
            run_end = index + 1
            while run_end < end and (text[run_end] in _SPACE_CHARS):
                run_end += 1
            emit(" ", index, run_end)
            index = run_end
            continue
        if unicodedata.category(ch) not in _DROP_CATEGORIES:
            emit(chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else ch, index, index + 1)
        index += 1


def read_cues(text: str, *, max_chars: int = DEFAULT_MAX_CHARS, lexicons: Lexicons | None = None) -> tuple[Cue, ...]:
    """The cues of one message (emoji, emoticons, kaomoji, punctuation runs, elongation, laughter, slang).

    Args:
        text: the raw customer message.
        max_chars: longest input read (head and tail of longer input, as in :func:`normalize`).
        lexicons: cue tables to use (default: the packaged ones).

    Returns:
        Cues in order of position; ``text[cue.start:cue.end] == cue.text`` for each.

    Raises:
        TypeError: if ``text`` is not a str.
    """
    require_text(text)
    cues: list[Cue] = []
    for piece_start, piece_end in _bounded_pieces(text, max_chars):
        cues.extend(read_all(text[piece_start:piece_end], lexicons, offset=piece_start))
    return tuple(cues)
