"""A small JSON HTTP service around one shared ``empathkit.Analyzer``, standard library only.

    python examples/service.py [--host 127.0.0.1] [--port 8080] [--threads N]

    curl -s localhost:8080/analyze -d '{"text": "快递三天了还没到？？？😡", "offers": ["expedite"]}'
    curl -s localhost:8080/batch/emotion -d '{"texts": ["谢谢[抱拳]", "呵呵[微笑]"]}'
    curl -s localhost:8080/health

Endpoints (all answer JSON; errors are ``{"error": "..."}``):

    POST /analyze        {"text", reply options...} → {"emotion": {...}, "keyinfo": {...}, "reply": {...}}
    POST /emotion        {"text"}                   → EmotionResult.to_dict()
    POST /keyinfo        {"text"}                   → KeyInfo.to_dict()   (personal data masked)
    POST /reply          {"text", reply options...} → Reply.to_dict()
    POST /batch/emotion  {"texts": [...]}           → {"results": [EmotionResult.to_dict(), ...]}
    GET  /health                                    → {"status": "ok", "version": "..."}

Reply options are those of :func:`empathkit.suggest_response`: ``offers`` (a list), ``tone``, ``address``,
``callback_time``, ``brand``, ``variant``, ``alternatives``. Unknown fields are rejected (a misspelt
``offer`` would otherwise be silently ignored). Status codes: 400 for bad JSON or a bad value, 404 for an
unknown path, 405 for a wrong method, 413 for a body over 1 MB, 500 for anything unexpected.

One :class:`empathkit.Analyzer` is built and warmed at start; it is thread-safe, so every request thread
shares it. ``--threads`` sets the model's CPU threads (each request thread runs the model on that many).
"""
from __future__ import annotations

import argparse
import json
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

import empathkit

MAX_BODY_BYTES = 1 << 20
REPLY_OPTIONS = ("offers", "tone", "address", "callback_time", "brand", "variant", "alternatives")
WARM_UP_MESSAGE = "客服你好，我的快递三天了还没到，明天就要用？？？😡"


class RequestError(Exception):
    """A request the client got wrong: answered with ``status`` and ``{"error": message}``."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _text(body: dict[str, Any], allowed: tuple[str, ...] = ()) -> str:
    """The ``text`` field of a request body; 400 if it is missing, not a str, or other fields are unknown."""
    unknown = sorted(set(body) - {"text", *allowed})
    if unknown:
        raise RequestError(HTTPStatus.BAD_REQUEST,
                           f"unknown field(s) {', '.join(unknown)}; allowed: {', '.join(('text',) + allowed)}")
    if "text" not in body:
        raise RequestError(HTTPStatus.BAD_REQUEST, "'text' is missing")
    text = body["text"]
    if not isinstance(text, str):
        raise RequestError(HTTPStatus.BAD_REQUEST, f"'text' must be a string, got {type(text).__name__}")
    return text


def _reply_options(body: dict[str, Any]) -> dict[str, Any]:
    """The reply options present in ``body`` (the library validates their values)."""
    options = {name: body[name] for name in REPLY_OPTIONS if name in body}
    if "offers" in options and not isinstance(options["offers"], list):
        raise RequestError(HTTPStatus.BAD_REQUEST, "'offers' must be a list of offer names")
    return options


def analyze(analyzer: empathkit.Analyzer, body: dict[str, Any]) -> dict[str, Any]:
    """Emotion, key information and reply of one message; the reply reuses the first two."""
    text = _text(body, REPLY_OPTIONS)
    options = _reply_options(body)
    emotion = analyzer.detect_emotion(text)
    keyinfo = analyzer.extract_keyinfo(text)
    reply = analyzer.suggest_response(text, emotion=emotion, keyinfo=keyinfo, **options)
    return {"emotion": emotion.to_dict(), "keyinfo": keyinfo.to_dict(), "reply": reply.to_dict()}


def emotion(analyzer: empathkit.Analyzer, body: dict[str, Any]) -> dict[str, Any]:
    """The emotion of one message."""
    return analyzer.detect_emotion(_text(body)).to_dict()


def keyinfo(analyzer: empathkit.Analyzer, body: dict[str, Any]) -> dict[str, Any]:
    """The key information of one message, personal data masked."""
    return analyzer.extract_keyinfo(_text(body)).to_dict()


def reply(analyzer: empathkit.Analyzer, body: dict[str, Any]) -> dict[str, Any]:
    """A suggested reply to one message."""
    text = _text(body, REPLY_OPTIONS)
    return analyzer.suggest_response(text, **_reply_options(body)).to_dict()


def batch_emotion(analyzer: empathkit.Analyzer, body: dict[str, Any]) -> dict[str, Any]:
    """The emotions of many messages, run batched."""
    unknown = sorted(set(body) - {"texts"})
    if unknown:
        raise RequestError(HTTPStatus.BAD_REQUEST, f"unknown field(s) {', '.join(unknown)}; allowed: texts")
    texts = body.get("texts")
    if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
        raise RequestError(HTTPStatus.BAD_REQUEST, "'texts' must be a list of strings")
    return {"results": [result.to_dict() for result in analyzer.detect_emotion_batch(texts)]}


Route = Callable[[empathkit.Analyzer, dict[str, Any]], dict[str, Any]]
POST_ROUTES: dict[str, Route] = {
    "/analyze": analyze, "/emotion": emotion, "/keyinfo": keyinfo, "/reply": reply, "/batch/emotion": batch_emotion,
}
GET_PATHS = ("/health",)


class EmpathServer(ThreadingHTTPServer):
    """A threading HTTP server holding the shared analyzer (one thread per connection, daemonic)."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], analyzer: empathkit.Analyzer, log_requests: bool = True) -> None:
        super().__init__(address, Handler)
        self.analyzer = analyzer
        self.log_requests = log_requests


class Handler(BaseHTTPRequestHandler):
    """Routes requests to the endpoint functions and turns errors into JSON answers."""

    server: EmpathServer
    protocol_version = "HTTP/1.1"  # keep-alive: every answer carries a Content-Length
    timeout = 30  # seconds an idle keep-alive connection may hold its thread
    server_version = f"empathkit/{empathkit.__version__}"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = self._path()
        if path == "/health":
            self._send(HTTPStatus.OK, {"status": "ok", "version": empathkit.__version__})
        elif path in POST_ROUTES:
            self._send_error(HTTPStatus.METHOD_NOT_ALLOWED, f"use POST for {path}", allow="POST")
        else:
            self._send_error(HTTPStatus.NOT_FOUND, f"no such path: {path}")

    def do_POST(self) -> None:  # noqa: N802
        path = self._path()
        route = POST_ROUTES.get(path)
        if route is None:
            if path in GET_PATHS:
                self._send_error(HTTPStatus.METHOD_NOT_ALLOWED, f"use GET for {path}", allow="GET")
            else:
                self._send_error(HTTPStatus.NOT_FOUND, f"no such path: {path}")
            return
        try:
            self._send(HTTPStatus.OK, route(self.server.analyzer, self._body()))
        except RequestError as error:
            self._send_error(error.status, error.message)
        except (empathkit.InputError, TypeError) as error:
            self._send_error(HTTPStatus.BAD_REQUEST, str(error))
        except Exception as error:  # noqa: BLE001 - one bad request must not take the service down
            self.log_error("error on %s: %r", path, error)
            self._send_error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error")

    def _path(self) -> str:
        return self.path.split("?", 1)[0].rstrip("/") or "/"

    def _body(self) -> dict[str, Any]:
        """The request body as a JSON object; RequestError (400, 411, 413) otherwise."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True  # the body stays unread
            raise RequestError(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length")
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            raise RequestError(HTTPStatus.BAD_REQUEST, "invalid Content-Length")
        if length > MAX_BODY_BYTES:
            self.close_connection = True  # the body stays unread
            raise RequestError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"body over {MAX_BODY_BYTES} bytes")
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise RequestError(HTTPStatus.BAD_REQUEST, f"body is not UTF-8 JSON: {error}") from None
        if not isinstance(body, dict):
            raise RequestError(HTTPStatus.BAD_REQUEST, "body must be a JSON object")
        return body

    def _send(self, status: HTTPStatus, payload: dict[str, Any], allow: str | None = None) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if allow:
            self.send_header("Allow", allow)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    def _send_error(self, status: HTTPStatus, message: str, allow: str | None = None) -> None:
        self._send(status, {"error": message}, allow=allow)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server's signature)
        if self.server.log_requests:
            super().log_message(format, *args)


def make_server(host: str, port: int, analyzer: empathkit.Analyzer | None = None, *,
                log_requests: bool = True) -> ThreadingHTTPServer:
    """A bound, warmed server; call ``serve_forever()`` on it (port 0 picks a free port).

    Args:
        host: the address to listen on.
        port: the port; 0 lets the system choose (read it from ``server.server_address[1]``).
        analyzer: the analyzer to share (default: a new ``empathkit.Analyzer()``).
        log_requests: log one line per request on stderr.
    """
    analyzer = analyzer if analyzer is not None else empathkit.Analyzer()
    analyzer.suggest_response(WARM_UP_MESSAGE)  # loads the model, tables and segmenter before the first request
    return EmpathServer((host, port), analyzer, log_requests=log_requests)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and serve until interrupted."""
    parser = argparse.ArgumentParser(description="empathkit JSON HTTP service")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port (default: 8080; 0 = any free port)")
    parser.add_argument("--threads", type=int, default=None, help="CPU threads for the model (default: onnxruntime's)")
    parser.add_argument("--quiet", action="store_true", help="do not log each request")
    args = parser.parse_args(argv)
    server = make_server(args.host, args.port, empathkit.Analyzer(threads=args.threads), log_requests=not args.quiet)
    print(f"empathkit service on http://{args.host}:{server.server_address[1]} (Ctrl-C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
