"""Where a delivery may go: public addresses only, checked when a subscriber is saved and again at
every connection.

A subscriber URL pointing inside our own network (the search engine, a metadata service, the
database) would let whoever registers it make the worker POST signed payloads there and read the
answers in the delivery log. Every address the host name resolves to must be public; the worker then
connects to one of those checked addresses itself, so a name that resolves differently a moment
later (DNS rebinding) cannot slip in between the check and the connection. For https the TLS
handshake still names and verifies the original host.

WEBHOOK_ALLOWED_INTERNAL_HOSTS names the internal hosts that are allowed nonetheless (the provincial
portal's own network).
"""

import ipaddress
import socket
import ssl
import urllib.parse
import urllib.request
from http.client import HTTPConnection, HTTPSConnection

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class ForbiddenDestination(OSError):
    """Raised instead of connecting; an OSError, so the worker logs and retries it like a refusal."""


class Unresolvable(ForbiddenDestination):
    """The name has no address (yet): nothing to send to, and nothing to refuse when saving."""


def allowed_internal_hosts():
    return {
        host.strip().lower().strip("[]") for host in getattr(settings, "WEBHOOK_ALLOWED_INTERNAL_HOSTS", [])
    }


NAT64 = ipaddress.ip_network("64:ff9b::/96")


def embedded_ipv4(ip):
    """The IPv4 address an IPv6 address carries to: mapped (::ffff:a.b.c.d), compatible
    (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) or 6to4 (2002:…), which reach that IPv4 host."""
    if ip.ipv4_mapped or ip.sixtofour:
        return ip.ipv4_mapped or ip.sixtofour
    if int(ip) < 2**32 or ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public(address):
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone id is no part of the address
    # is_global is false for loopback, private, link-local (the 169.254.169.254 metadata service),
    # unspecified (0.0.0.0), shared (100.64/10) and reserved ranges.
    candidates = [ip]
    if isinstance(ip, ipaddress.IPv6Address) and (carried := embedded_ipv4(ip)) is not None:
        candidates.append(carried)
    return all(candidate.is_global and not candidate.is_multicast for candidate in candidates)


def resolve(host, port):
    """Every address `host` resolves to, as (family, socket address) pairs."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise Unresolvable(f"cannot resolve {host}: {error}") from error
    return [(family, sockaddr) for family, _type, _proto, _name, sockaddr in found]


def checked_addresses(host, port):
    """The addresses to connect to; raises ForbiddenDestination if any of them is internal."""
    addresses = resolve(host, port)
    if host.lower().strip("[]") in allowed_internal_hosts():
        return addresses
    internal = sorted({sockaddr[0] for _family, sockaddr in addresses if not is_public(sockaddr[0])})
    if internal:
        raise ForbiddenDestination(f"{host} resolves to an internal address ({', '.join(internal)})")
    return addresses


def validate_public_url(url):
    """Model validator: refuses a subscriber URL whose host is, or resolves to, an internal address."""
    parts = urllib.parse.urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return  # not a URL at all: the URL validator says so
    if not parts.hostname:
        return
    try:
        checked_addresses(parts.hostname, port)
    except Unresolvable:
        # A subscriber may be registered before its name is in the DNS; the worker checks again
        # at every connection and sends nothing until the name resolves to public addresses.
        return
    except ForbiddenDestination as error:
        raise ValidationError(
            _(
                "Deliveries cannot be sent to this address: %(host)s is inside the internal network. "
                "Enter the subscriber's public address."
            ),
            code="internal_address",
            params={"host": parts.hostname},
        ) from error


def connect_checked(address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None):
    """socket.create_connection, but only to addresses that passed the check."""
    host, port = address
    failure = None
    for family, sockaddr in checked_addresses(host, port):
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as error:
            sock.close()
            failure = error
    raise failure or ForbiddenDestination(f"no address for {host}")


class CheckedConnection:
    """http.client opens its socket through `_create_connection`, set in its __init__; the Host
    header and, for https, the TLS server name and certificate check keep using self.host, the
    name in the URL."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = connect_checked


class CheckedHTTPConnection(CheckedConnection, HTTPConnection):
    pass


class CheckedHTTPSConnection(CheckedConnection, HTTPSConnection):
    pass


class CheckedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(CheckedHTTPConnection, req)


class CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        # The system's trust store, verifying the URL's host name; made here so that an http
        # delivery does not pay for loading it.
        return self.do_open(CheckedHTTPSConnection, req, context=ssl.create_default_context())


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is answered as an error: a signed payload never follows it to another address."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def opener():
    """An opener that only reaches checked addresses. No proxy from the environment: the check is
    about the subscriber's address, and a proxy would connect wherever it was told."""
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}),
        NoRedirects,
        CheckedHTTPHandler,
        CheckedHTTPSHandler,
    )
