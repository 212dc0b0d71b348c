"""Webhook test helpers: one round of the publish worker without running it, and a real receiver."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from cms.publishing import consumers
from cms.webhooks import delivery as webhook_delivery


def deliver_due():
    """The log's new events become deliveries, then the due ones are sent."""
    consumers.drain("webhooks")
    return webhook_delivery.deliver_due()


class Receiver:
    """A real HTTP server that records every POST and answers `status` (and `headers`)."""

    def __init__(self, port=0, status=200, headers=None, body=b""):
        received = self.received = []
        answer = (status, headers or {}, body)

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                received.append((dict(self.headers), body))
                self.send_response(answer[0])
                for name, value in answer[1].items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer[2])))
                self.end_headers()
                self.wfile.write(answer[2])

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", port), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def bodies(self):
        return [json.loads(body) for _headers, body in self.received]
