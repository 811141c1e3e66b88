"""The reply phrase bank (``data/replies.tsv``): rows per layer × key × intensity band × tone × region.

Rows are written in simplified Chinese with ``{slot}`` placeholders. :func:`candidates` picks the rows that fit
a request; :func:`render` fills the slots and converts the row's own words to the customer's variant (Taiwan
wording with OpenCC ``s2twp``, Hong Kong characters with ``s2hk``) while slot values, quoted from the message
or given by the caller, are kept as they are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ._resources import Lazy, read_tsv
from .errors import ResourceError
from .script import converter, to_variant

LAYERS = ("cognitive", "affective", "action", "offer", "follow", "verify", "closing")
_SLOT = re.compile(r"\{([a-z_]+)\}")
# Slots whose value comes from the message or the caller (never converted); every other "needs" item is a
# condition the builder states (e.g. "urgent", "choices").
VALUE_SLOTS = frozenset({"facts", "ask", "want", "confirm", "product", "duration", "when", "order", "amount", "callback", "brand",
                         "choice_a", "choice_b"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """One phrase-bank row."""

    id: str
    layer: str
    key: str
    band: str
    tone: str
    region: str
    needs: frozenset[str]
    text: str


def _load() -> tuple[Phrase, ...]:
    rows = []
    for row in read_tsv("replies.tsv"):
        needs = frozenset() if row["needs"] in ("", "-") else frozenset(row["needs"].split(","))
        phrase = Phrase(row["id"], row["layer"], row["key"], row["band"], row["tone"], row["region"], needs,
                        row["text"])
        if phrase.layer not in LAYERS:
            raise ResourceError(f"replies.tsv row {phrase.id}: unknown layer {phrase.layer!r}")
        if re.search(r"\d", phrase.text):
            raise ResourceError(f"replies.tsv row {phrase.id}: digits are not allowed in the phrase bank")
        rows.append(phrase)
    return tuple(rows)


PHRASES: Lazy[tuple[Phrase, ...]] = Lazy(_load)


def candidates(layer: str, key: str, *, band: str, tone: str, region: str, have: frozenset[str],
               fallback_key: bool = True) -> list[Phrase]:
    """Rows of ``layer`` for ``key`` that fit: band and tone match (or are ``*``), every need is in ``have``.

    Rows for the customer's own region (``tw``/``hk``) are preferred when any fit; ``cn`` rows are only for
    mainland customers. Of the rest, only the most specific group is returned: most needs met (e.g. naming the
    product), then the exact tone before ``*``. When no row of ``key`` fits and ``fallback_key`` is set, rows
    keyed ``*`` are used.
    """
    def fits(p: Phrase, k: str) -> bool:
        return (p.layer == layer and p.key == k and p.band in ("*", band) and p.tone in ("*", tone)
                and p.needs <= have)

    keys = [key, "*"] if fallback_key and key != "*" else [key]
    for k in keys:
        rows = [p for p in PHRASES.get() if fits(p, k)]
        regional = [p for p in rows if p.region == region and region in ("tw", "hk")]
        rows = regional or [p for p in rows if p.region == "*" or (p.region == "cn" and region == "cn")]
        if rows:
            best = max((len(p.needs), p.tone == tone) for p in rows)
            return [p for p in rows if (len(p.needs), p.tone == tone) == best]
    return []


def render(phrase: Phrase, values: dict[str, str], variant: str) -> str:
    """Fill ``phrase``'s slots from ``values`` and convert its own words to ``variant``."""
    out: list[str] = []
    pos = 0
    for match in _SLOT.finditer(phrase.text):
        out.append(regional(phrase.text[pos:match.start()], variant))
        out.append(values.get(match.group(1), ""))
        pos = match.end()
    out.append(regional(phrase.text[pos:], variant))
    return "".join(out)


def regional(text: str, variant: str) -> str:
    """Simplified phrase-bank text in the customer's variant (Taiwan vocabulary via OpenCC ``s2twp``)."""
    if not text or variant == "cn":
        return text
    if variant == "tw":
        return converter("s2twp").convert(text)
    return to_variant(text, variant)
