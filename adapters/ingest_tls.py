"""Mutual TLS for `hub serve ingest`: each partner system holds a client certificate issued for its own
jurisdiction; the endpoint reads the verified certificate and serves only that jurisdiction's path.

uvicorn does not (yet) put the peer certificate in the ASGI scope, so a thin protocol subclass copies the
verified certificate of each connection into the request's `state`.
"""

from __future__ import annotations

import asyncio
import ssl
from pathlib import Path
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from hub.stack.tls import StackAuthority

CLIENT_PREFIX = "ingest-client-"
PUSH_JURISDICTIONS = ("scotland", "jersey", "england-wales")


class PeerCertificateProtocol(H11Protocol):
    """HTTP/1.1 whose requests carry the connection's verified client certificate in `scope["state"]`."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self.app_state = {**self.app_state, "peer_certificate": transport.get_extra_info("peercert")}
        super().connection_made(transport)


def client_jurisdiction(state: dict[str, Any]) -> str | None:
    """The jurisdiction a verified client certificate was issued for (`CN=ingest-client-<jurisdiction>`)."""
    certificate = state.get("peer_certificate")
    if not certificate:
        return None
    for rdn in certificate.get("subject", ()):
        for key, value in rdn:
            if key == "commonName" and value.startswith(CLIENT_PREFIX):
                return str(value.removeprefix(CLIENT_PREFIX))
    return None


def issue_certificates(tls_folder: Path) -> StackAuthority:
    """The endpoint's server certificate and one client certificate per push feed (created once, kept)."""
    authority = StackAuthority(tls_folder)
    authority.issue("ingest", hosts=("127.0.0.1", "localhost"))
    for jurisdiction in PUSH_JURISDICTIONS:
        authority.issue(f"{CLIENT_PREFIX}{jurisdiction}", client=True)
    return authority


def uvicorn_tls_options(tls_folder: Path) -> dict[str, Any]:
    """uvicorn's settings for TLS with a required, CA-verified client certificate."""
    authority = issue_certificates(tls_folder)
    return {
        "ssl_certfile": str(tls_folder / "ingest.pem"),
        "ssl_keyfile": str(tls_folder / "ingest.key"),
        "ssl_ca_certs": str(authority.ca_certificate),
        "ssl_cert_reqs": ssl.CERT_REQUIRED,
        "http": PeerCertificateProtocol,
    }
