"""Cue readers: emoji, bracket emoticons, kaomoji, punctuation runs, elongation, laughter and chat slang.

Each reader is a small pure function ``(folded text, lexicons) -> list[Cue]`` with offsets into the text it
was given. Readers see a *folded* copy of the message (full-width ASCII → half-width, ASCII lower-cased),
which has exactly the original's length, so every offset is also an offset into the original.
:data:`READERS` lists them in priority order: where two cues overlap, the earlier reader's cue is kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable, Mapping

from ._resources import Lazy, read_tsv
from .results import Cue

# ---------------------------------------------------------------------------------------------- folding
def _fold_code(code: int) -> int:
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII block → ASCII
        code -= 0xFEE0
    return code + 32 if 0x41 <= code <= 0x5A else code  # A-Z → a-z (length-preserving, unlike str.lower)


_FOLD = {code: _fold_code(code) for code in [*range(0xFF01, 0xFF5F), *range(0x41, 0x5B)]}
_FOLD[0x3000] = 0x20  # ideographic space


def fold(text: str) -> str:
    """Full-width ASCII to half-width and ASCII to lower case; the result has the same length as ``text``."""
    return text.translate(_FOLD)


# ---------------------------------------------------------------------------------------------- lexicons
@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: what a surface form means and how it leans."""

    meaning: str
    kind: str
    valence: float
    sarcastic: bool = False


@dataclass(frozen=True, slots=True)
class Trie:
    """Longest-match lookup of literal surface forms (folded) by first character and length."""

    entries: Mapping[str, Entry]
    lengths_by_first: Mapping[str, tuple[int, ...]]

    @classmethod
    def build(cls, entries: dict[str, Entry]) -> "Trie":
        lengths: dict[str, set[int]] = {}
        for key in entries:
            lengths.setdefault(key[0], set()).add(len(key))
        return cls(MappingProxyType(dict(entries)),
                   MappingProxyType({k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}))

    def match(self, text: str, start: int) -> tuple[int, Entry] | None:
        """The longest entry starting at ``start``, as ``(end, entry)``, or None."""
        for length in self.lengths_by_first.get(text[start], ()):
            if start + length > len(text):
                continue
            entry = self.entries.get(text[start:start + length])
            if entry is not None:
                return start + length, entry
        return None


@dataclass(frozen=True, slots=True)
class Lexicons:
    """The cue tables, loaded once from package data (``emoji.tsv``, ``emoticons.tsv``, ``kaomoji.tsv``,
    ``slang.tsv``), optionally extended by a user dictionary."""

    emoji: Trie
    emoticons: Mapping[str, Entry]
    kaomoji: Trie
    slang: Trie

    def with_slang(self, extra: Mapping[str, tuple[str, str, float]]) -> "Lexicons":
        """A copy whose slang table also holds ``extra`` (surface → (standard, kind, valence))."""
        merged = dict(self.slang.entries)
        for surface, (standard, kind, valence) in extra.items():
            merged[fold(surface)] = Entry(standard, kind, float(valence))
        return Lexicons(self.emoji, self.emoticons, self.kaomoji, Trie.build(merged))


def _float(value: str | None) -> float:
    return max(-1.0, min(1.0, float(value or 0.0)))


def load_lexicons() -> Lexicons:
    """Read the packaged cue tables (called once through :data:`DEFAULT_LEXICONS`)."""
    emoji = {row["emoji"]: Entry(row["name_zh"], "emoji", _float(row["valence"]),
                                 row.get("sarcastic", "0") == "1")
             for row in read_tsv("emoji.tsv")}
    emoticons = {fold(row["name"]): Entry(row["meaning_zh"], "emoticon", _float(row["valence"]),
                                          row.get("sarcastic", "0") == "1")
                 for row in read_tsv("emoticons.tsv")}
    kaomoji = {fold(row["pattern"]): Entry(row["meaning_zh"], "kaomoji", _float(row["valence"]))
               for row in read_tsv("kaomoji.tsv")}
    slang = {fold(row["surface"]): Entry(row["standard"], row["kind"], _float(row["valence"]))
             for row in read_tsv("slang.tsv")}
    return Lexicons(Trie.build(emoji), MappingProxyType(emoticons), Trie.build(kaomoji), Trie.build(slang))


DEFAULT_LEXICONS: Lazy[Lexicons] = Lazy(load_lexicons)

# ---------------------------------------------------------------------------------------------- readers
Reader = Callable[[str, str, Lexicons], list[Cue]]
# Intensity hints (0..1) by cue kind, for cues whose tables carry only a valence. Hand-set: profanity is the
# strongest surface signal of arousal in our reading of JDDC and Weibo data; abbreviations carry little.
_KIND_INTENSITY = {"profanity": 0.8, "abbrev": 0.2, "homophone": 0.2, "typo": 0.1, "intensifier": 0.5,
                   "laughter": 0.4}
_EMOJI_MODIFIERS = frozenset("\ufe0f\ufe0e\u200d" + "".join(chr(c) for c in range(0x1F3FB, 0x1F400)))
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _emotive_intensity(valence: float) -> float:
    # An emoji or emoticon raises arousal in proportion to how strongly it leans (0.3 floor: any emotive
    # picture is some signal; 0.7 cap: a single picture is not "strong" on its own).
    return min(0.7, 0.3 + 0.4 * abs(valence))


def read_emoji(folded: str, original: str, lex: Lexicons) -> list[Cue]:
    """Unicode emoji, whole sequences first (ZWJ, skin tones, flags, keycaps, variation selectors)."""
    cues: list[Cue] = []
    index, size = 0, len(folded)
    while index < size:
        found = lex.emoji.match(folded, index)
        if found is None:
            index += 1
            continue
        end, entry = found
        while end < size and folded[end] in _EMOJI_MODIFIERS:  # stray selector / tone / joiner
            end += 1
        cues.append(Cue("emoji", index, end, original[index:end], entry.meaning, entry.valence,
                        _emotive_intensity(entry.valence), entry.sarcastic))
        index = end
    return cues


_BRACKET = re.compile(r"[\[【]([^\[\]【】\n]{1,12})[\]】]")


def read_emoticons(folded: str, original: str, lex: Lexicons) -> list[Cue]:
    """Bracket emoticons of WeChat, Weibo and QQ, by Chinese or English name: [微笑] [怒] [Facepalm]."""
    cues = []
    for match in _BRACKET.finditer(folded):
        entry = lex.emoticons.get(match.group(1).strip())
        if entry is not None:
            cues.append(Cue("emoticon", match.start(), match.end(), original[match.start():match.end()],
                            entry.meaning, entry.valence, _emotive_intensity(entry.valence), entry.sarcastic))
    return cues


def _boundaries_ok(folded: str, start: int, end: int, key: str) -> bool:
    """Latin-letter surface forms must stand alone: 'sb' must not match inside 'usb'."""
    if key[0] in _ASCII_ALNUM and start > 0 and folded[start - 1] in _ASCII_ALNUM:
        return False
    if key[-1] in _ASCII_ALNUM and end < len(folded) and folded[end] in _ASCII_ALNUM:
        return False
    if key.isascii() and len(key) <= 3 and start > 0 and folded[start - 1] in _ASCII_ALNUM:
        return False  # ':)' in '10:30)' is a time, not a smile
    return True


def _read_trie(trie: Trie, kind: str | None, folded: str, original: str) -> list[Cue]:
    cues: list[Cue] = []
    index, size = 0, len(folded)
    while index < size:
        found = trie.match(folded, index)
        if found is None or not _boundaries_ok(folded, index, found[0], folded[index:found[0]]):
            index += 1
            continue
        end, entry = found
        cue_kind = kind or entry.kind
        intensity = (_emotive_intensity(entry.valence) if cue_kind == "kaomoji"
                     else _KIND_INTENSITY.get(cue_kind, 0.2))
        cues.append(Cue(cue_kind, index, end, original[index:end], entry.meaning, entry.valence, intensity,
                        entry.sarcastic))
        index = end
    return cues


def read_kaomoji(folded: str, original: str, lex: Lexicons) -> list[Cue]:
    """ASCII emoticons and kaomoji: :) :( T_T QAQ orz (╯°□°）╯."""
    return _read_trie(lex.kaomoji, "kaomoji", folded, original)


# Laughter: (pattern, meaning, valence, sarcastic). 呵呵 reads as a cold, dismissive laugh in Chinese chat.
_LAUGHTER = (
    (re.compile(r"呵{2,}"), "冷笑", -0.4, True),
    (re.compile(r"哈{2,}|哈哈"), "哈哈", 0.5, False),
    (re.compile(r"[嘿嘻]{2,}"), "嘻嘻", 0.4, False),
    (re.compile(r"(?<![a-z])h{3,}(?![a-z])"), "哈哈", 0.5, False),
    (re.compile(r"(?<![0-9])2333*(?![0-9])"), "哈哈", 0.5, False),
    (re.compile(r"(?<![a-z])(?:lol|lmao)(?![a-z])"), "哈哈", 0.5, False),
)


def read_laughter(folded: str, original: str, lex: Lexicons) -> list[Cue]:
    """Laughter: 哈哈哈, 嘿嘿, hhh, 233, lol, and the cold 呵呵."""
    cues = []
    for pattern, meaning, valence, sarcastic in _LAUGHTER:
        for match in pattern.finditer(folded):
            length = match.end() - match.start()
            cues.append(Cue("laughter", match.start(), match.end(), original[match.start():match.end()], meaning,
                            valence, min(1.0, 0.2 + 0.1 * length), sarcastic))
    return cues


def read_slang(folded: str, original: str, lex: Lexicons) -> list[Cue]:
    """Chat slang: homophones and typos (肿么, 气si了), Latin/pinyin abbreviations (yyds, dbq), profanity."""
    return _read_trie(lex.slang, None, folded, original)


# Punctuation runs: (pattern, meaning, valence). Intensity grows with the run's length. Runs of ! and ? are
# read in one linear pass (_BANG_QUESTION): a run holding both is 质问, a pure one 强烈感叹 or 连续追问. (A single
# regex for "a run holding both" backtracked cubically on a long run of one mark: 5,000 "?" took 30 s.)
_BANG_QUESTION = re.compile(r"[!?]{2,}")
_PUNCTUATION = (
    (re.compile(r"(?:。{2,}|\.{3,}|…+|\.。+)"), "无语", -0.2),
    (re.compile(r"~{2,}"), "语气拖长", 0.1),
)


def _bang_question(run: str) -> tuple[str, float]:
    if "!" in run and "?" in run:
        return "质问", -0.3
    return ("强烈感叹", 0.0) if "!" in run else ("连续追问", -0.2)


def read_punctuation(folded: str, original: str, lex: Lexicons) -> list[Cue]:
    """Runs of ！！！ ？？？ ？！ 。。。 …… ～～ (two or more marks; three for ASCII dots)."""
    cues = []
    for match in _BANG_QUESTION.finditer(folded):
        meaning, valence = _bang_question(match.group())
        length = match.end() - match.start()
        cues.append(Cue("punctuation", match.start(), match.end(), original[match.start():match.end()],
                        meaning, valence, min(1.0, 0.2 + 0.15 * length)))
    for pattern, meaning, valence in _PUNCTUATION:
        for match in pattern.finditer(folded):
            length = match.end() - match.start()
            if length < 2:
                continue
            cues.append(Cue("punctuation", match.start(), match.end(), original[match.start():match.end()],
                            meaning, valence, min(1.0, 0.2 + 0.15 * length)))
    return cues


_ELONGATION = re.compile(r"([\u4e00-\u9fffa-z])\1{2,}")


def read_elongation(folded: str, original: str, lex: Lexicons) -> list[Cue]:
    """A character said three or more times: 啊啊啊, 急急急, sooo, emmmm."""
    return [Cue("elongation", m.start(), m.end(), original[m.start():m.end()], m.group(1), 0.0,
                min(1.0, 0.2 + 0.1 * (m.end() - m.start())))
            for m in _ELONGATION.finditer(folded)]


READERS: tuple[Reader, ...] = (
    read_emoji, read_emoticons, read_kaomoji, read_laughter, read_slang, read_punctuation, read_elongation,
)


def read_all(original: str, lexicons: Lexicons | None = None, offset: int = 0) -> list[Cue]:
    """All cues of ``original`` in order of position, without overlaps (earlier readers win).

    Offsets are shifted by ``offset`` (for a piece cut out of a longer message).
    """
    lex = lexicons if lexicons is not None else DEFAULT_LEXICONS.get()
    folded = fold(original)
    taken: list[Cue] = []
    occupied = bytearray(len(original))
    for reader in READERS:
        for cue in reader(folded, original, lex):
            if any(occupied[cue.start:cue.end]):
                continue
            occupied[cue.start:cue.end] = b"\x01" * (cue.end - cue.start)
            taken.append(cue)
    taken.sort(key=lambda cue: cue.start)
    if offset:
        taken = [Cue(c.kind, c.start + offset, c.end + offset, c.text, c.meaning, c.valence, c.intensity, c.sarcastic)
                 for c in taken]
    return taken
