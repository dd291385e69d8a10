"""Secrets out of sight: URL passwords, token-like query parameters, Apprise URLs.

Used by `config check`, every log line (a structlog processor) and error messages. Imports
nothing of monitor, so any layer may use it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MASK = "********"

# Query parameters whose value is a credential (matched case-insensitively, by name part).
_SECRET_PARAM = (
    r"(?:token|access_token|api_?key|apikey|key|secret|password|passwd|pass|pwd|auth|"
    r"signature|sig|sessionid|session|credential|client_secret)"
)
_QUERY_SECRET = re.compile(rf"([?&;](?:[\w.-]*[_-])?{_SECRET_PARAM}=)([^&#\s'\"]+)", re.I)
# scheme://user:password@host → scheme://user:********@host
_USERINFO = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^\s/:@'\"]*:)([^\s@/'\"]+)(@)", re.I)
# Standard Webhooks secrets, wherever they show up in text.
_WHSEC = re.compile(r"\bwhsec_[A-Za-z0-9+/=_-]+")


def mask_text(text: str) -> str:
    """`text` with URL passwords, secret query values and whsec_ secrets replaced by MASK."""
    if "://" not in text and "=" not in text and "whsec_" not in text:
        return text
    text = _USERINFO.sub(rf"\1{MASK}\3", text)
    text = _QUERY_SECRET.sub(rf"\1{MASK}", text)
    return _WHSEC.sub(f"whsec_{MASK}", text)


def mask_apprise_url(url: str) -> str:
    """An Apprise URL shown as its scheme only: its path and host often are the token."""
    scheme = urlsplit(url).scheme
    return f"{scheme}://{MASK}" if scheme else MASK
