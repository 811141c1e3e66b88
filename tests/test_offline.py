"""The library never opens a network socket."""
from __future__ import annotations

import socket

import pytest

import empathkit
from empathkit.labels import EMOTIONS


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("empathkit tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_everything_runs_with_the_network_blocked(no_network):
    analyzer = empathkit.Analyzer()
    analyzer.normalize("快递丢了😭")
    analyzer.mask_pii("13812345678")
    assert analyzer.detect_emotion("谢谢").label in EMOTIONS
