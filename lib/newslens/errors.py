"""Errors that reach the user as one clear line."""

from __future__ import annotations

from .paths import display_path


class SourceName(str):
    """Where an article came from when it is not a file of its own ("articles.csv row 12"): shown as it is."""


class ArticleInputError(Exception):
    """An input file that cannot be read as an article. The message names the file and the problem."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path if isinstance(path, SourceName) else display_path(path)}: {problem}")
