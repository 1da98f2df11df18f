"""Stage 3, report: deterministic files (CSV, JSON, PNG with its CSV), the figures of the notebooks, the
places map, and running the notebook series."""
