"""A transport adapter for requests that hands requests to a WSGI application in this process.

The in-process sandbox and the sandbox served over HTTP run the same application code; only this
adapter stands in for the socket.
"""

from __future__ import annotations

import io
import sys
from http.client import responses
from urllib.parse import unquote, urlsplit

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

# Reserved for documentation and never resolvable (RFC 2606): nothing can leave the process.
SANDBOX_BASE_URL = "http://koha-sandbox.invalid"


class WSGIAdapter(BaseAdapter):
    """Serve ``requests`` calls from a WSGI application instead of the network."""

    def __init__(self, app) -> None:
        super().__init__()
        self.app = app

    def send(self, request: requests.PreparedRequest, **kwargs) -> requests.Response:
        url = urlsplit(request.url)
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        environ = {
            "REQUEST_METHOD": request.method,
            "SCRIPT_NAME": "",
            "PATH_INFO": unquote(url.path),
            "QUERY_STRING": url.query,
            "SERVER_NAME": url.hostname or "koha-sandbox.invalid",
            "SERVER_PORT": str(url.port or 80),
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": url.netloc,
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": url.scheme,
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": True,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        for name, value in request.headers.items():
            key = name.upper().replace("-", "_")
            if key == "CONTENT_TYPE":
                environ["CONTENT_TYPE"] = value
            elif key != "CONTENT_LENGTH":
                environ[f"HTTP_{key}"] = value
        captured: dict = {}

        def start_response(status: str, headers: list, exc_info=None) -> None:
            captured["status"], captured["headers"] = status, headers

        chunks = self.app(environ, start_response)
        try:
            content = b"".join(chunks)
        finally:
            close = getattr(chunks, "close", None)
            if close:
                close()
        response = requests.Response()
        response.status_code = int(captured["status"].split(" ", 1)[0])
        response.reason = responses.get(response.status_code, "")
        response.headers = CaseInsensitiveDict(captured["headers"])
        response._content = content
        response._content_consumed = True
        response.connection = self
        response.url = request.url
        response.request = request
        response.encoding = requests.utils.get_encoding_from_headers(response.headers)
        return response

    def close(self) -> None:
        """Nothing to release: no sockets."""
