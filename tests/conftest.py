"""Shared fixtures: the seed article is loaded once per session."""

import pytest

import newslens


@pytest.fixture(scope="session")
def seed_article():
    return newslens.load_article(newslens.seed_path())
