"""The public API: __all__ is exact, every public name documented, import is light."""
from __future__ import annotations

import inspect
import subprocess
import sys

import empathkit

EXPECTED = {
    "Analyzer", "Cue", "Entity", "KeyInfo", "Star", "TextSpan", "EmotionResult", "EmpathkitError", "Flags", "InputError", "Masked", "Normalized", "PiiSpan",
    "ResourceError", "ScriptInfo", "__version__", "convert_script", "detect_emotion", "detect_emotion_batch",
    "detect_script", "extract_keyinfo", "extract_keyinfo_batch", "mask_pii", "normalize", "read_cues",
    "suggest_response", "suggest_response_batch", "Reply", "ReplyLayers", "Triage", "Violation", "check_reply",
    "analyze_dialogue", "audit_reply", "DialogueAnalysis", "DialogueAudit", "ReplyAudit", "RiskWarning", "ArchiveSummary",
}


def test_all_is_exactly_the_public_api():
    assert set(empathkit.__all__) == EXPECTED
    for name in empathkit.__all__:
        assert hasattr(empathkit, name)


def test_every_public_name_has_a_docstring():
    for name in empathkit.__all__:
        if name == "__version__":
            continue
        assert inspect.getdoc(getattr(empathkit, name)), name


def test_module_functions_and_analyzer_methods_share_names():
    for name in ("normalize", "read_cues", "mask_pii", "detect_script", "detect_emotion", "detect_emotion_batch",
                 "extract_keyinfo", "extract_keyinfo_batch", "suggest_response", "suggest_response_batch"):
        assert callable(getattr(empathkit.Analyzer, name))


def test_batch_size_is_keyword_only():
    parameter = inspect.signature(empathkit.detect_emotion_batch).parameters["batch_size"]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY


def test_import_loads_no_heavy_module():
    code = ("import sys, empathkit; heavy = {'onnxruntime', 'tokenizers', 'jieba', 'opencc'} & set(sys.modules);"
            "print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_results_are_frozen_and_serialisable():
    import dataclasses
    import json

    normalized = empathkit.normalize("快递丢了😭")
    try:
        normalized.text = "x"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("Normalized is not frozen")
    json.dumps(normalized.to_dict(), ensure_ascii=False)
    assert "快递" not in repr(normalized)
    assert "<table>" in normalized._repr_html_()


def test_py_typed_marker_ships():
    from importlib import resources

    assert (resources.files("empathkit") / "py.typed").is_file()
