"""The `metrics:` block of the config: where the health and metrics listener binds.

Off unless the block is there. The address defaults to 127.0.0.1 on a host, where the
metrics would otherwise be open to the whole network, and to 0.0.0.0 inside a container,
where the container's own network is private and a published port (`9464:9464`) or a
Prometheus next to it in the compose network could not reach a loopback-only listener.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["CONTAINER_MARKERS", "MetricsConfig", "bind_host", "in_container"]

CONTAINER_MARKERS = (Path("/.dockerenv"), Path("/run/.containerenv"))  # Docker, Podman


class MetricsConfig(BaseModel):
    """`metrics: {port: 9464}`: /healthz, /readyz and /metrics over HTTP."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    port: int = Field(ge=0, le=65535, description="0: any free port (said in the log)")
    host: str | None = Field(
        default=None, description="bind address; default 127.0.0.1, or 0.0.0.0 in a container"
    )
    stall_after: float = Field(
        default=120.0,
        ge=1,
        le=24 * 3600,
        description="seconds a poll tick may run, or be overdue, before /healthz says 503",
    )


def in_container(
    markers: tuple[Path, ...] = CONTAINER_MARKERS, environ: Mapping[str, str] | None = None
) -> bool:
    """Docker and Podman leave a marker file; systemd-nspawn and Podman set `container`."""
    env = os.environ if environ is None else environ
    return bool(env.get("container")) or any(marker.exists() for marker in markers)


def bind_host(config: MetricsConfig, *, container: bool | None = None) -> str:
    """The configured address, else loopback on a host and every interface in a container."""
    if config.host:
        return config.host
    inside = in_container() if container is None else container
    return "0.0.0.0" if inside else "127.0.0.1"
