"""Limits on the e-mails anyone can make the site send to an address (password reset, new
confirmation link, "you already have an account"): per address, so nobody floods one inbox, and
per client address, so nobody floods many. Counted in the cache (Redis in production), in
fixed one-hour windows; a request counts whether or not the address has an account, so the limit
tells nothing about who has one."""

import hashlib

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

WINDOW_SECONDS = 3600


def _count(key: str) -> int:
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        return 1


def _address_key(kind: str, email: str) -> str:
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]
    return f"mail-limit:{kind}:address:{digest}"


def address_mail_allowed(*, kind: str, email: str) -> bool:
    """Count one e-mail of `kind` to `email`; False once the hourly limit is passed."""
    return _count(_address_key(kind, email)) <= settings.MAIL_LIMIT_PER_ADDRESS_PER_HOUR


def mail_request_allowed(request: HttpRequest, *, kind: str, email: str) -> bool:
    """Count one request for an e-mail of `kind` to `email` from this client; False once the
    client or the address passed its hourly limit (both are counted either way)."""
    client = get_client_ip_address(request) or "unknown"
    client_ok = _count(f"mail-limit:{kind}:client:{client}") <= settings.MAIL_LIMIT_PER_IP_PER_HOUR
    address_ok = address_mail_allowed(kind=kind, email=email)
    return client_ok and address_ok
