"""Imported once by the forkserver that starts the article processes of a Dask worker (``limits.py``): the
first analysis's loading (lexicons, gazetteer, models) is done there, so every process forked from it, and
every replacement of a killed one, starts warm."""

from .limits import warm_up

warm_up()
