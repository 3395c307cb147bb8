"""A fixture that keeps tests off the network: only loopback addresses can be reached."""

import ipaddress
import socket

import pytest


def is_local(host) -> bool:
    if host in ("localhost", None, ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture
def network_off(monkeypatch):
    """Refuse every connection and name lookup that would leave this machine."""
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not is_local(address[0]):
            raise OSError(f"network is off in tests: {address}")
        return real_connect(sock, address)

    def getaddrinfo(host, *args, **kwargs):
        if not is_local(host):
            raise socket.gaierror(f"network is off in tests: {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
