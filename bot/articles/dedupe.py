"""Canonical URLs, so the same article reached by different links is stored once."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["canonical_url", "clean_url", "unwrap_redirect"]

_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "ga_")
_TRACKING_KEYS = {
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "yclid",
    "igshid",
    "mkt_tok",
    "ref",
    "ref_src",
    "cmpid",
    "ocid",
    "smid",
    "sr_share",
    "guccounter",
}


_TARGET_KEYS = ("url", "u", "q", "target", "dest", "destination", "redirect", "link", "to")


def unwrap_redirect(url: str) -> str:
    """The target of an aggregator's click-through link when it carries it in the URL.

    News-search feeds (and mail and social trackers) link to `…/click?…&url=https://…`:
    the article is the target, and fetching it directly skips a tracker hop.
    """
    for _ in range(3):  # nested wrappers, bounded
        params = dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
        target = next(
            (
                params[k]
                for k in _TARGET_KEYS
                if params.get(k, "").startswith(("http://", "https://"))
            ),
            None,
        )
        if target is None:
            return url
        url = target
    return url


def _untracked(query: str) -> str:
    return urlencode(
        [
            (k, v)
            for k, v in parse_qsl(query, keep_blank_values=True)
            if k.lower() not in _TRACKING_KEYS and not k.lower().startswith(_TRACKING_PREFIXES)
        ]
    )


def clean_url(url: str) -> str:
    """The link as shown to people: the same page, without tracking parameters or fragment."""
    parts = urlsplit(unwrap_redirect(url.strip()))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, _untracked(parts.query), ""))


MAX_KEY_CHARS = 2_048  # the unique index's bound (see store/tables.py)


def canonical_url(url: str) -> str:
    """The identity of a page: clean, lower-case host without www, http and https alike."""
    parts = urlsplit(unwrap_redirect(url.strip()))
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    try:
        port = parts.port
    except ValueError:  # a port that is not a number: keep the link as written
        port = None
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path[:-1]
    if scheme == "http":
        scheme = "https"
    canonical = urlunsplit((scheme, host, path, _untracked(parts.query), ""))
    if len(canonical) > MAX_KEY_CHARS:  # absurdly long links still get a stable identity
        return "sha256:" + hashlib.sha256(canonical.encode("utf-8", "replace")).hexdigest()
    return canonical
