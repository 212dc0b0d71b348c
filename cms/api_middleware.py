"""CORS for the configured origins (the provincial portal) and per-client rate limits on the API."""

import json
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from .client_address import client_address

API_PREFIXES = ("/api/", "/feeds/")


class ApiAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIXES):
            return self.get_response(request)
        origin = request.headers.get("Origin")
        allowed = origin if origin and origin in settings.CORS_ALLOWED_ORIGINS else None
        if request.method == "OPTIONS" and allowed:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since, Content-Type"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = self.limited(request) or self.get_response(request)
        if allowed:
            response["Access-Control-Allow-Origin"] = allowed
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
        # Added to, not set: a session read further in (the sign-in state) already says Vary: Cookie.
        patch_vary_headers(response, ["Origin"])
        return response

    def limited(self, request):
        requests, seconds = settings.API_RATE_LIMIT
        if not requests:
            return None
        window = int(time.time() // seconds)
        key = f"api-rate:{client_address(request)}:{window}"
        count = cache.get_or_set(key, 0, timeout=seconds + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.set(key, 1, timeout=seconds + 1)
            count = 1
        if count <= requests:
            return None
        retry_after = max(1, int((window + 1) * seconds - time.time()) + 1)
        body = {
            "type": "about:blank",
            "title": "Quá nhiều yêu cầu",
            "title_en": "Too many requests",
            "status": 429,
            "detail": f"At most {requests} requests every {seconds} s; try again in {retry_after} s.",
            "instance": request.path,
        }
        response = HttpResponse(
            json.dumps(body, ensure_ascii=False), status=429, content_type="application/problem+json"
        )
        response["Retry-After"] = str(retry_after)
        return response
