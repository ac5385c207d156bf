"""A Stremio addon's manifest (CONTRACTS.md §12): validated, and asked whether it serves a path.

Routing follows stremio-core's ``Manifest::is_resource_supported``: an object resource uses its
own ``types``/``idPrefixes`` (no fallback to the manifest's), a string resource the manifest's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from app.domain.errors import BadFeed

_SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$")
MAX_RESOURCES = 64


@dataclass(frozen=True, slots=True)
class AddonManifest:
    id: str
    version: str
    name: str
    description: str
    resources: tuple[Any, ...]  # str or {"name", "types", "idPrefixes"}
    types: tuple[str, ...]
    id_prefixes: tuple[str, ...] | None
    configuration_required: bool
    raw: dict[str, Any]

    def supports(self, resource: str, type_: str, id_: str) -> bool:
        for r in self.resources:
            name = r if isinstance(r, str) else r.get("name")
            if name != resource:
                continue
            if isinstance(r, str):
                types, prefixes = self.types, self.id_prefixes
            else:
                types = tuple(r.get("types") or ()) if r.get("types") is not None else None  # type: ignore[assignment]
                raw_prefixes = r.get("idPrefixes")
                prefixes = tuple(raw_prefixes) if isinstance(raw_prefixes, list) else None
            if types is None or type_ not in types:
                return False
            return prefixes is None or any(id_.startswith(p) for p in prefixes)
        return False

    @property
    def serves_streams(self) -> bool:
        return any((r if isinstance(r, str) else r.get("name")) == "stream" for r in self.resources)


def _strs(value: Any, what: str, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadFeed(f"{name}: the manifest's {what} is not a list of strings")
    return tuple(value)


def parse_manifest(data: Any, where: str = "addon") -> AddonManifest:
    """Check the manifest's shape; BadFeed says what is wrong."""
    if not isinstance(data, dict):
        raise BadFeed(f"{where}: the manifest is not a JSON object")
    for key in ("id", "version", "name"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise BadFeed(f"{where}: the manifest has no {key}")
    if not _SEMVER.match(data["version"]):
        raise BadFeed(f"{where}: the manifest's version {data['version'][:40]!r} is not semver")
    resources = data.get("resources")
    if not isinstance(resources, list) or not resources or len(resources) > MAX_RESOURCES:
        raise BadFeed(f"{where}: the manifest lists no resources")
    for r in resources:
        if isinstance(r, str):
            continue
        if not isinstance(r, dict) or not isinstance(r.get("name"), str):
            raise BadFeed(f"{where}: a resource in the manifest is neither a name nor an object")
        for key in ("types", "idPrefixes"):
            if r.get(key) is not None:
                _strs(r[key], f"resource {key}", where)
    types = _strs(data.get("types", []), "types", where)
    prefixes = data.get("idPrefixes")
    raw_hints = data.get("behaviorHints")
    hints: dict[str, Any] = raw_hints if isinstance(raw_hints, dict) else {}
    return AddonManifest(
        id=data["id"].strip(),
        version=data["version"],
        name=data["name"].strip()[:120],
        description=str(data.get("description") or "")[:2000],
        resources=tuple(resources),
        types=types,
        id_prefixes=_strs(prefixes, "idPrefixes", where) if prefixes is not None else None,
        configuration_required=bool(hints.get("configurationRequired")),
        raw=data,
    )


def base_url(manifest_url: str) -> str:
    """The transport base: the manifest URL without ``/manifest.json`` (configuration kept)."""
    text = manifest_url.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadFeed("an addon URL starts with http:// or https://")
    path = parts.path
    if path.endswith("/stremio/v1") or "/stremio/v1/" in path:
        raise BadFeed("this addon speaks the legacy Stremio protocol (/stremio/v1), which is not supported")
    if not path.endswith("/manifest.json"):
        raise BadFeed("an addon URL ends in /manifest.json")
    return urlunsplit((parts.scheme, parts.netloc, path[: -len("/manifest.json")], parts.query, ""))


def public_url(manifest_url: str) -> str:
    """What may be shown and stored: host and ``/manifest.json``, configuration hidden."""
    parts = urlsplit(manifest_url.strip())
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    configured = parts.path.strip("/") not in ("manifest.json", "")
    tail = "/…/manifest.json" if configured else "/manifest.json"
    return f"{parts.scheme}://{host}{tail}"
