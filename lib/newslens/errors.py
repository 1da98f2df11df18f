"""Errors that reach the user as one clear line."""

from __future__ import annotations


class ArticleInputError(Exception):
    """An input file that cannot be read as an article. The message names the file and the problem."""

    def __init__(self, path, problem: str):
        from .paths import display_path

        self.path = str(path)
        self.problem = problem
        super().__init__(f"{display_path(path)}: {problem}")
