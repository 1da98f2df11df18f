"""Shared fixtures: the seed article is loaded once per session."""

import pytest

# urllib3 (pulled in by trafilatura) probes for IPv6 by opening a socket when first imported; no traffic
# leaves, but pytest-socket would flag it inside a test. Importing it here, before sockets are blocked, keeps
# the blocked-socket warning for real attempts.
import urllib3  # noqa: F401

import newslens


@pytest.fixture(scope="session")
def seed_article():
    return newslens.load_article(newslens.seed_path())
