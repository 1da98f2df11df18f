"""fetch_log: one CSV row per URL of the list, appended as each URL is done, beside the WARC."""

from __future__ import annotations

import csv
import os
from pathlib import Path

LOG_COLUMNS = ["url", "status", "final_url", "bytes", "seconds", "error", "fetched_at", "attempts", "redirects",
               "robots", "truncated", "content_type"]
RETRYABLE_STATUSES = {"429", "500", "502", "503", "504"}


def log_path_for(warc_path: str | Path) -> Path:
    """PAGES.warc.gz -> PAGES.fetch_log.csv in the same folder."""
    p = Path(warc_path)
    name = p.name
    for suffix in (".warc.gz", ".warc"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return p.with_name(f"{name}.fetch_log.csv")


def worth_retrying(row: dict) -> bool:
    """Whether a logged outcome may turn out differently another time (429, 5xx, timeouts, failed
    connections, an unreachable robots.txt), for --retry-errors."""
    status = str(row.get("status") or "")
    if status in RETRYABLE_STATUSES:
        return True
    error = str(row.get("error") or "")
    return not status and (row.get("robots") == "unreachable" or error.startswith(("timeout", "connection")))


def _cut_partial_last_line(path: Path) -> None:
    """A run killed while writing a row leaves a line without its end: cut it (the URL is fetched again)."""
    size = path.stat().st_size
    if size == 0:
        return
    with open(path, "rb+") as fh:
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return
        fh.seek(0)
        data = fh.read()
        fh.truncate(data.rfind(b"\n") + 1)


def read_log(path: str | Path) -> dict[str, dict]:
    """URL -> its last logged row ({} when there is no log yet)."""
    p = Path(path)
    if not p.exists():
        return {}
    _cut_partial_last_line(p)
    with open(p, newline="", encoding="utf-8") as fh:
        return {row["url"]: row for row in csv.DictReader(fh) if row.get("url")}


class FetchLog:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._fh = None
        self._writer = None

    def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        new = not self.path.exists() or self.path.stat().st_size == 0
        if not new:
            _cut_partial_last_line(self.path)
        self._fh = open(self.path, "a", newline="", encoding="utf-8")
        self._writer = csv.DictWriter(self._fh, fieldnames=LOG_COLUMNS, extrasaction="ignore")
        if new:
            self._writer.writeheader()
            self._fh.flush()

    def write(self, row: dict) -> None:
        self._writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in LOG_COLUMNS})
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            self._fh = None
