"""news monitor: watches news feeds and alerts when a tracked figure changes."""

__version__ = "0.1.0"
