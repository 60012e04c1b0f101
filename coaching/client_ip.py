"""Which address a request came from: the one place that rate limits and sign-in lockouts ask."""

import ipaddress

from django.conf import settings

UNKNOWN = "0.0.0.0"


def _address(text):
    try:
        return ipaddress.ip_address((text or "").strip())
    except ValueError:
        return None


def _trusted(address):
    return any(address in ipaddress.ip_network(proxy, strict=False) for proxy in settings.TRUSTED_PROXIES)


def client_ip(request):
    """The visitor's address as text.

    X-Forwarded-For is written by whoever sends the request, so it is read only when the request came
    from a trusted proxy (settings.TRUSTED_PROXIES), and then from the right: each trusted hop is passed,
    and the first address not ours is the client. A missing or garbled header falls back to the last
    address known, never to an error.
    """
    address = _address(request.META.get("REMOTE_ADDR"))
    if address is None:
        return UNKNOWN
    if not settings.TRUSTED_PROXIES or not _trusted(address):
        return str(address)
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        forwarded = _address(hop)
        if forwarded is None:
            break
        address = forwarded
        if not _trusted(forwarded):
            break
    return str(address)
