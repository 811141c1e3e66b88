"""The user documentation stays true to the code: API headings, relative links, runnable examples."""
from __future__ import annotations

import contextlib
import importlib.util
import io
import re
from pathlib import Path

import pytest

import empathkit

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_FENCE = re.compile(r"^(`{3,}|~{3,})[ \t]*([^\n`]*)\n(.*?)^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`+[^`\n]*`+")
# [text](target) and ![alt](target), with an optional "title".
_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)")
_IMPORT = re.compile(r"^\s*(?:import|from)\s+([A-Za-z_][\w]*)", re.MULTILINE)


def _markdown_files() -> list[Path]:
    return sorted(DOCS.glob("*.md")) + [ROOT / "README.md"]


def _python_blocks(path: Path) -> list[str]:
    """The bodies of the blocks fenced as ```python in ``path``, in order."""
    text = path.read_text(encoding="utf-8")
    return [m.group(3) for m in _FENCE.finditer(text) if m.group(2).strip().split(" ")[0].lower() == "python"]


def _prose(text: str) -> str:
    """``text`` without fenced blocks and inline code (links there are examples, not links)."""
    return _INLINE_CODE.sub("", _FENCE.sub("", text))


def _relative_links(path: Path) -> list[str]:
    links = []
    for target in _LINK.findall(_prose(path.read_text(encoding="utf-8"))):
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("#"):
            continue  # http:, https:, mailto: … and in-page anchors
        if not target.isascii():
            # docs/replies.md quotes masked chat data such as "[电话x](厂家电话)": Markdown syntax, but not a
            # link anyone wrote. Every file these docs link to has an ASCII path.
            continue
        links.append(target)
    return links


def test_every_public_name_has_an_api_heading():
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^###\s+`([^`]+)`\s*$", api, re.MULTILINE))
    missing = [name for name in empathkit.__all__ if name != "__version__" and name not in headings]
    assert not missing, f"docs/api.md has no '### `name`' heading for: {missing}"


@pytest.mark.parametrize("path", _markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_point_to_existing_files(path: Path):
    broken = []
    for target in _relative_links(path):
        file_part = target.split("#", 1)[0].split("?", 1)[0]
        if not file_part:
            continue
        if not (path.parent / file_part).exists():
            broken.append(target)
    assert not broken, f"{path.relative_to(ROOT)} links to missing files: {broken}"


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped (``-`` and ``_`` kept), spaces to ``-``."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    anchors = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", _FENCE.sub("", path.read_text(encoding="utf-8")),
                              re.MULTILINE):
        slug = _slug(heading)
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


@pytest.mark.parametrize("path", _markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_anchors_into_markdown_files_exist(path: Path):
    missing = []
    for target in _relative_links(path) + [t for t in _LINK.findall(_prose(path.read_text(encoding="utf-8")))
                                           if t.startswith("#")]:
        file_part, _, fragment = target.partition("#")
        linked = path if not file_part else path.parent / file_part
        if fragment and linked.suffix == ".md" and linked.exists() and fragment not in _anchors(linked):
            missing.append(target)
    assert not missing, f"{path.relative_to(ROOT)} links to missing anchors: {missing}"


def test_link_checker_sees_links():
    # Guard against a regex that silently matches nothing.
    assert "api.md" in _relative_links(DOCS / "index.md")
    assert "detect_emotion" in _anchors(DOCS / "api.md")


def test_getting_started_examples_run():
    blocks = _python_blocks(DOCS / "getting-started.md")
    assert len(blocks) >= 5, "getting-started.md should keep its runnable examples"
    namespace: dict[str, object] = {"__name__": "__docs__"}
    skipped = []
    for number, block in enumerate(blocks, start=1):
        absent = [name for name in _IMPORT.findall(block) if importlib.util.find_spec(name) is None]
        if absent:
            skipped.append((number, absent))  # an optional package (pandas) that is not installed here
            continue
        code = compile(block, f"docs/getting-started.md[python block {number}]", "exec")
        with contextlib.redirect_stdout(io.StringIO()):
            exec(code, namespace)  # noqa: S102 - the docs' own examples
    assert len(skipped) < len(blocks)
