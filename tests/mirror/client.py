"""Reference mirrors, built the way the provincial portal builds its own: from what we publish only.

`FeedMirror` follows the public changes feed (and the snapshot when its cursor has been compacted
away); `WebhookMirror` is told by webhook deliveries. Both fetch each public item's API detail when
told it changed, and keep nothing else: whatever they hold that the site no longer shows is drift.
"""

from urllib.parse import urlsplit

CHANGES = "/api/v1/changes"


def local(url):
    """The path of one of our absolute addresses, for the test client."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


class Mirror:
    def __init__(self, client):
        self.client = client
        # key -> {"version": n, "detail": the API detail as fetched when told, or None}
        self.items = {}

    def told(self, key, public, version, api_url):
        if public:
            self.items[key] = {"version": version, "detail": self.fetch(api_url)}
        else:
            self.items.pop(key, None)

    def fetch(self, api_url):
        if not api_url:
            return None  # a type with no detail endpoint (announcement decisions)
        response = self.client.get(local(api_url))
        # Gone again since: a later event of the same item says so, and the mirror follows it then.
        return response.json() if response.status_code == 200 else None

    def versions(self):
        return {key: item["version"] for key, item in self.items.items()}

    def details(self):
        return {key: item["detail"] for key, item in self.items.items()}


class FeedMirror(Mirror):
    def __init__(self, client):
        super().__init__(client)
        self.cursor = None
        self.resyncs = 0

    def follow(self):
        """Read the feed up to its end, as a mirror polling it would."""
        while True:
            response = self.client.get(CHANGES, {"since": self.cursor} if self.cursor else {})
            if response.status_code == 410:
                self.resync(response.json()["resync"])
                continue
            assert response.status_code == 200, response.content
            answer = response.json()
            for event in answer["events"]:
                self.told(event["id"], event["public"], event["version"], event["api_url"])
            self.cursor = answer["next"]
            if not answer["more"]:
                return

    def resync(self, snapshot_url):
        """Start again from the snapshot: every public item, then the feed from its cursor."""
        self.resyncs += 1
        self.items = {}
        page, cursor = 1, None
        while True:
            query = {"page": page, **({"cursor": cursor} if cursor else {})}
            response = self.client.get(local(snapshot_url), query)
            assert response.status_code == 200, response.content
            answer = response.json()
            cursor = answer["cursor"]
            for item in answer["objects"]:
                self.told(item["id"], True, item["version"], item["api_url"])
            if not answer["more"]:
                break
            page += 1
        self.cursor = cursor


class WebhookMirror(Mirror):
    """Fed by the bodies a subscriber received, in the order they arrived."""

    def __init__(self, client, receiver):
        super().__init__(client)
        self.receiver = receiver
        self.read = 0
        self.positions = {}

    def catch_up(self):
        bodies = self.receiver.bodies()
        for body in bodies[self.read :]:
            key = f"{body['type']}:{body['id']}"
            if body["position"] <= self.positions.get(key, 0):
                continue  # a retry of what it already has, or older news
            self.positions[key] = body["position"]
            self.told(key, body["public"], body["version"], body.get("api_url"))
        self.read = len(bodies)
