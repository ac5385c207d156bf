"""Where a stored stream's credentials (an addon's Authorization, Cookie…) are kept: the keyring.

A stored row carries ``KEYRING_MARK`` among its headers instead; the play path takes the mark out
and puts the kept headers back. Light: the play path imports it.
"""

from __future__ import annotations

import hashlib

PRIVATE = ("authorization", "cookie", "proxy-authorization")
# never sent: a header name cannot hold "@"
KEYRING_MARK = "@keyring"


def headers_secret(url: str) -> str:
    """The keyring entry of a stored source's private headers."""
    return "source-headers-" + hashlib.sha256(url.encode()).hexdigest()[:32]
