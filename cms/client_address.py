"""Who is asking: the one answer the API's rate limit and the login throttling both count by.

Behind TRUSTED_PROXY_COUNT proxies of our own, each appends the address it was reached from to
X-Forwarded-For, and the last of them is the socket peer. Everything left of what they wrote came from
the client and may be invented, so the client is the hop just left of our proxies' part: counted from
the right, never the leftmost. With no trusted proxy the header is ignored.
"""

from django.conf import settings


def client_address(request):
    peer = request.META.get("REMOTE_ADDR") or "unknown"
    trusted = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if trusted <= 0:
        return peer
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in forwarded if hop] + [peer]
    # A chain shorter than our proxies means one of them was bypassed or did not append: the farthest
    # hop any of them saw is still the best we know, and never one the client placed beyond them.
    return hops[-(trusted + 1)] if len(hops) > trusted else hops[0]
