"""A guide feed server on 127.0.0.1: files with ETag/Last-Modified (304 on a match), a login
page, a slow answer, error codes; it counts requests and remembers their query strings."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "application/octet-stream"
    etag: bool = True
    delay_s: float = 0.0
    trickle_s: float = 0.0  # the body sent a byte at a time, this long apart (issue 19 item 8)
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class FeedServer:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    not_modified: int = 0
    queries: list[str] = field(default_factory=list)
    request_headers: list[dict[str, str]] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def set(self, path: str, body: bytes, **kw: object) -> str:
        self.routes[path] = Route(body, **kw)  # type: ignore[arg-type]
        return self.url(path)


LAST_MODIFIED = "Sat, 21 Nov 2026 10:00:00 GMT"


def _handler(state: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            state.hits[parts.path] = state.hits.get(parts.path, 0) + 1
            state.queries.append(parts.query)
            state.request_headers.append(dict(self.headers.items()))
            route = state.routes.get(parts.path)
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.delay_s:
                time.sleep(route.delay_s)
            etag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
            if route.etag and route.status == 200 and self.headers.get("If-None-Match") == etag:
                state.not_modified += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            if route.etag:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", LAST_MODIFIED)
            for k, v in route.headers.items():
                self.send_header(k, v)
            self.end_headers()
            try:
                if route.trickle_s:
                    for i in range(len(route.body)):
                        self.wfile.write(route.body[i : i + 1])
                        self.wfile.flush()
                        time.sleep(route.trickle_s)
                else:
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    state = FeedServer()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
