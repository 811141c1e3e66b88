"""Word segmentation: jieba behind a private, quiet, lazily initialised ``jieba.Tokenizer``.

jieba's first segmentation builds a prefix dictionary (1.0–1.6 s on our machine), so nothing happens at
import or when a :class:`Segmenter` is created; the dictionary is built on the first call to
:meth:`Segmenter.tokenize`, once, under a lock. We build it in memory and write no cache file, and jieba's
logger is raised to WARNING only while it initialises. The shared ``jieba.dt`` instance is never touched.

Masked placeholders of the JDDC corpus (``[订单x]``, ``[数字x]``) are kept whole: jieba would split them at the
brackets.
"""
from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from ._resources import Lazy
from .errors import require_text

if TYPE_CHECKING:  # pragma: no cover
    import jieba

__all__ = ["Token", "Segmenter", "tokenize"]

_PLACEHOLDER = re.compile(r"\[[^\[\]\s]{1,8}x\]")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a segmented text: ``text[start:end] == word``."""

    word: str
    start: int
    end: int


@contextmanager
def _quiet_jieba_logger() -> Iterator[None]:
    logger = logging.getLogger("jieba")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class Segmenter:
    """A private jieba tokenizer with optional extra words, built on first use.

    Args:
        user_words: extra words for the dictionary (brand and product names, service terms). Each is added
            with a frequency high enough for jieba to keep it whole.
    """

    __slots__ = ("_user_words", "_tokenizer")

    def __init__(self, user_words: Iterable[str] = ()) -> None:
        self._user_words = tuple(word for word in user_words if word and not word.isspace())
        self._tokenizer: Lazy[jieba.Tokenizer] = Lazy(self._build)

    def _build(self) -> "jieba.Tokenizer":
        import jieba

        with _quiet_jieba_logger():
            tokenizer = jieba.Tokenizer()
            # Build the prefix dictionary in memory; Tokenizer.initialize() would also write a cache file
            # to the temp directory.
            with tokenizer.get_dict_file() as handle:
                tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(handle)
            tokenizer.initialized = True
            for word in self._user_words:
                tokenizer.add_word(word)
        return tokenizer

    @property
    def loaded(self) -> bool:
        """Whether the jieba dictionary has been built."""
        return self._tokenizer.loaded

    def tokenize(self, text: str) -> tuple[Token, ...]:
        """Segment ``text`` into words with their offsets.

        Args:
            text: any string (best in simplified script: jieba's dictionary is simplified).

        Returns:
            Tokens covering ``text`` from start to end, in order; placeholders such as ``[数字x]`` are one token.

        Raises:
            TypeError: if ``text`` is not a str.
        """
        require_text(text)
        if not text:
            return ()
        tokenizer = self._tokenizer.get()
        tokens: list[Token] = []
        cursor = 0
        for match in _PLACEHOLDER.finditer(text):
            tokens.extend(self._cut(tokenizer, text, cursor, match.start()))
            tokens.append(Token(match.group(), match.start(), match.end()))
            cursor = match.end()
        tokens.extend(self._cut(tokenizer, text, cursor, len(text)))
        return tuple(tokens)

    @staticmethod
    def _cut(tokenizer: "jieba.Tokenizer", text: str, start: int, end: int) -> list[Token]:
        if start >= end:
            return []
        return [Token(word, start + s, start + e) for word, s, e in tokenizer.tokenize(text[start:end])]


def _default_segmenter() -> Segmenter:
    from .entities import product_terms

    return Segmenter(user_words=product_terms())


_DEFAULT: Lazy[Segmenter] = Lazy(_default_segmenter)


def tokenize(text: str) -> tuple[Token, ...]:
    """Segment ``text`` with the default segmenter (jieba's dictionary plus empathkit's product lexicon).

    See :meth:`Segmenter.tokenize`.
    """
    return _DEFAULT.get().tokenize(text)
