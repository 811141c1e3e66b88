"""The few exceptions empathkit raises on purpose.

Type errors on a wrong argument type are plain ``TypeError`` (what Python users expect); everything else
the library raises deliberately derives from :class:`EmpathkitError`.
"""
from __future__ import annotations


class EmpathkitError(Exception):
    """Base class of empathkit's own errors."""


class ResourceError(EmpathkitError):
    """A packaged data file (model, tokenizer, table) is missing or unreadable: reinstall empathkit."""


class InputError(EmpathkitError, ValueError):
    """An argument has the right type but a value empathkit cannot use (the message says which)."""


def require_text(value: object, name: str = "text") -> str:
    """Return ``value`` if it is a ``str``; raise ``TypeError`` naming the received type otherwise."""
    if not isinstance(value, str):
        raise TypeError(
            f"{name} must be a str, got {type(value).__name__}"
            + (" (decode bytes first, e.g. data.decode('utf-8', errors='replace'))" if isinstance(value, (bytes, bytearray)) else "")
        )
    return value


def require_texts(values: object, name: str = "texts") -> list[str]:
    """Return a list of str from an iterable of str; a bare str or a non-str item raises ``TypeError``."""
    if isinstance(values, (str, bytes, bytearray)):
        raise TypeError(f"{name} must be an iterable of str, not a single {type(values).__name__}; "
                        "use the single-text function for one message")
    try:
        items = list(values)  # type: ignore[call-overload]
    except TypeError:
        raise TypeError(f"{name} must be an iterable of str, got {type(values).__name__}") from None
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise TypeError(f"{name}[{index}] must be a str, got {type(item).__name__}")
    return items
