"""Only the kernels the server started can be told a visitor's request."""

from __future__ import annotations

from workbook.access import grants


def test_a_kernels_token_is_its_own_and_needs_the_secret():
    secret = grants.new_secret()
    token = grants.query_token(secret, "k-1")
    assert grants.query_allowed(secret, "k-1", token)
    assert not grants.query_allowed(secret, "k-2", token)  # another kernel's request
    assert not grants.query_allowed(secret, "k-1", grants.query_token("guess", "k-1"))
    assert not grants.query_allowed(secret, "k-1", None)
    assert not grants.query_allowed(secret, "k-1", "")


def test_without_a_secret_the_socket_stays_as_voila_made_it():
    assert grants.query_allowed(None, "k-1", None)
    assert grants.query_allowed("", "k-1", "anything")
