"""What one analysis hands back: its records (frozen dataclasses, by name) and the tables made from them.

The records are what an analysis finds, as objects: each is an immutable dataclass defined in the module of
the analysis that makes it (places.geoparse.PlaceMention, sentiment.actors.ActorMention, framing.cues.Cue...).
The tables (file name -> DataFrame, as ``newslens.schema`` declares them) are derived from the records in one
``*_frame`` function per table. ``newslens.stages`` declares which records and tables each analysis adds.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Annotations:
    """``records``: name -> tuple of records, in text order ("place_mentions", "quotes"...); ``tables``:
    output file name -> DataFrame ("place_mentions.csv"...)."""

    records: dict = field(default_factory=dict)
    tables: dict = field(default_factory=dict)

