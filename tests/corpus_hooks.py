"""Test-only stand-ins for newslens.analysis.analyze, importable by worker processes (tests/ is on their
path): run_corpus(..., _analyse="corpus_hooks:analyse") makes an article whose text holds a marker slow,
greedy or fatal; every other article is analysed as usual."""

import os
import signal
import time

from newslens.analysis import analyze

SLOW = "NEWSLENS-TEST-SLOW"              # sleeps, as a pure-Python loop would run, for a minute
HOG = "NEWSLENS-TEST-HOG"                # takes memory 20 MB at a time, up to 3 GB (bounded)
STUCK = "NEWSLENS-TEST-STUCK"            # as SLOW, deaf to the guard's signal (stuck in C code)
CRASH = "NEWSLENS-TEST-CRASH"            # the process dies at once (a crash in C code)
NO_MEMORY = "NEWSLENS-TEST-NO-MEMORY"    # an allocation is refused (MemoryError)


def analyse(article, options):
    text = article.body
    if SLOW in text:
        time.sleep(60)
    elif HOG in text:
        chunks = []
        for _ in range(150):              # so that a broken guard cannot take the machine
            chunks.append(b"x" * (20 * 2**20))     # written, so resident
        raise AssertionError("the memory hog was not stopped")
    elif STUCK in text:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
        time.sleep(60)
    elif CRASH in text:
        os.kill(os.getpid(), signal.SIGSEGV)
    elif NO_MEMORY in text:
        raise MemoryError()
    return analyze(article, options)
