"""URL policy: only http and https are ever fetched, whoever supplies the URL."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

ALLOWED_SCHEMES = frozenset({"http", "https"})


class UnsupportedURL(ValueError):
    """A URL the monitor refuses to fetch; the message names the URL and the reason."""

    def __init__(self, url: str, why: str) -> None:
        super().__init__(f"refusing to fetch {url!r}: {why}")
        self.url = url
        self.why = why


def check_url(url: str) -> str:
    """Return the normalised http(s) URL or raise UnsupportedURL."""
    candidate = url.strip()
    if not candidate:
        raise UnsupportedURL(url, "empty URL; only http and https URLs are fetched")
    try:
        parts = urlsplit(candidate)
        port = parts.port  # raises on a malformed port
    except ValueError as exc:
        raise UnsupportedURL(url, f"malformed URL ({exc})") from None
    scheme = parts.scheme.lower()
    if not scheme:
        raise UnsupportedURL(url, "no scheme (a bare path?); only http and https URLs are fetched")
    if scheme not in ALLOWED_SCHEMES:
        raise UnsupportedURL(url, f"scheme {scheme!r}; only http and https URLs are fetched")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise UnsupportedURL(url, "no host; only http and https URLs are fetched")
    netloc = _netloc(parts.username, parts.password, host, port, scheme)
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def resolve(base: str, link: str) -> str:
    """Resolve a (possibly relative) link against `base` and check the result."""
    return check_url(urljoin(base, link.strip()))


def host_of(url: str) -> str:
    """Host (with a non-default port) used as the per-host limit key."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host


def _netloc(
    user: str | None, password: str | None, host: str, port: int | None, scheme: str
) -> str:
    host = host.lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    default = {"http": 80, "https": 443}[scheme]
    hostport = host if port in (None, default) else f"{host}:{port}"
    if user is None:
        return hostport
    cred = user if password is None else f"{user}:{password}"
    return f"{cred}@{hostport}"
