"""The stack's own certificate authority: a CA, server certificates for Kafka and PostgreSQL, and client
certificates for partner systems. Keys are written 0600 and never leave the stack folder.

ECDSA P-256 keys in PKCS#8 PEM, which Kafka's PEM key stores, PostgreSQL and Python's ssl module all read.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

VALID_DAYS = 825
ORGANISATION = "ViSOR transfer hub (local stack)"


@dataclass(frozen=True, slots=True)
class Issued:
    """A certificate and its private key, as PEM files."""

    certificate: Path
    key: Path


class StackAuthority:
    """Issues certificates under `<stack>/tls/`; each is created once and kept."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def ca_certificate(self) -> Path:
        return self.folder / "ca.pem"

    def ensure(self) -> None:
        """Create the CA on first use."""
        if self.ca_certificate.exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name(
            [
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
                x509.NameAttribute(NameOID.COMMON_NAME, "hub local CA"),
            ]
        )
        certificate = (
            _builder(name, name, key.public_key())
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .sign(key, hashes.SHA256())
        )
        _write_key(self.folder / "ca.key", key)
        self.ca_certificate.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))

    def issue(self, name: str, *, hosts: tuple[str, ...] = (), client: bool = False) -> Issued:
        """A certificate named `name` (its common name), for these host names/addresses or as a client."""
        issued = Issued(self.folder / f"{name}.pem", self.folder / f"{name}.key")
        if issued.certificate.exists() and issued.key.exists():
            return issued
        self.ensure()
        ca_key = serialization.load_pem_private_key((self.folder / "ca.key").read_bytes(), password=None)
        ca_cert = x509.load_pem_x509_certificate(self.ca_certificate.read_bytes())
        key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name(
            [x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION), x509.NameAttribute(NameOID.COMMON_NAME, name)]
        )
        usage = ExtendedKeyUsageOID.CLIENT_AUTH if client else ExtendedKeyUsageOID.SERVER_AUTH
        builder = _builder(subject, ca_cert.subject, key.public_key()).add_extension(
            x509.ExtendedKeyUsage([usage]), critical=False
        )
        if hosts:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([_general_name(h) for h in hosts]), critical=False
            )
        certificate = builder.sign(ca_key, hashes.SHA256())  # type: ignore[arg-type]  # the CA key is an EC key
        _write_key(issued.key, key)
        issued.certificate.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
        return issued


def _builder(subject: x509.Name, issuer: x509.Name, public_key: ec.EllipticCurvePublicKey) -> x509.CertificateBuilder:
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=VALID_DAYS))
    )


def _general_name(host: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        return x509.DNSName(host)


def _write_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
