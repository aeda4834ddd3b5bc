"""TLS contexts from the configuration's files, failing with what an operator can act on."""

from __future__ import annotations

import ssl
from pathlib import Path

from rfid_sip2.gateway.config import ConfigError, KohaUpstream, Listener


def server_context(listener: Listener, where: str) -> ssl.SSLContext:
    """For a device listener: its certificate, and device certificates where it asks for them."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    _load_chain(context, listener.certificate, listener.key, where)
    if listener.client_ca is not None:
        context.verify_mode = ssl.CERT_REQUIRED
        _load_authority(context, listener.client_ca, f"{where}.client_ca")
    return context


def client_context(upstream: KohaUpstream) -> ssl.SSLContext:
    """For the link to Koha's SIP2 server behind a TLS terminator: its certificate and host name
    checked against ``ca_file`` (or the system's authorities), with the gateway's own
    certificate where the terminator asks for one."""
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if upstream.ca_file is not None:
        _load_authority(context, upstream.ca_file, "upstream.ca_file")
    if upstream.certificate is not None:
        _load_chain(context, upstream.certificate, upstream.key, "upstream")
    return context


def _load_chain(context: ssl.SSLContext, certificate, key, where: str) -> None:
    try:
        context.load_cert_chain(certificate, key)
    except (ssl.SSLError, OSError) as error:
        raise ConfigError(
            f"{where}: cannot use certificate {certificate} with key {key}: {_problem(error)}"
        ) from None


def _load_authority(context: ssl.SSLContext, path: Path, where: str) -> None:
    try:
        context.load_verify_locations(path)
    except (ssl.SSLError, OSError) as error:
        raise ConfigError(f"{where}: cannot use {path}: {_problem(error)}") from None


def _problem(error: Exception) -> str:
    if isinstance(error, ssl.SSLError):
        if error.reason:
            return error.reason.lower().replace("_", " ")
        return "not PEM: expected -----BEGIN ...----- blocks"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error)
