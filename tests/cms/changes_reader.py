"""Reading GET /api/v1/changes as a mirror does, for the tests of the feed."""


def read_all(client, since=None, limit=2):
    """Page through the feed from `since`, following `next` until `more` is false."""
    events = []
    while True:
        params = {"limit": limit, **({"since": since} if since else {})}
        response = client.get("/api/v1/changes", params)
        assert response.status_code == 200, response.content
        body = response.json()
        events += body["events"]
        since = body["next"]
        if not body["more"]:
            return events, since
