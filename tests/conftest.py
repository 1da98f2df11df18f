"""Shared fixtures: the seed article is loaded once per session; caches go to a folder of the test run."""

import os
import tempfile

import pytest

# urllib3 (pulled in by trafilatura) probes for IPv6 by opening a socket when first imported; no traffic
# leaves, but pytest-socket would flag it inside a test. Importing it here, before sockets are blocked, keeps
# the blocked-socket warning for real attempts.
import urllib3  # noqa: F401

import newslens

# newslens caches its city index in the user's cache folder; tests (and the processes they start) use
# their own, so a test run neither reads a stale cache nor writes into the user's home.
os.environ["NEWSLENS_CACHE_DIR"] = tempfile.mkdtemp(prefix="newslens-test-cache-")


@pytest.fixture(scope="session")
def seed_article():
    return newslens.load_article(newslens.seed_path())
