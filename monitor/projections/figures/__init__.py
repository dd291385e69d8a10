"""The figures feature: binding claims to tracked figures, the change rule, the timeline
read model and the alerts it raises (monitor.alerts only delivers them)."""

from monitor.projections.figures.projection import NAME, FiguresProjection
from monitor.projections.figures.queries import (
    figure_names,
    figure_timeline,
    figures_overview,
    tracked_definitions,
)
from monitor.projections.figures.store import claim_object, definition_json, iso, spec_of

__all__ = [
    "NAME",
    "FiguresProjection",
    "claim_object",
    "definition_json",
    "figure_names",
    "figure_timeline",
    "figures_overview",
    "iso",
    "spec_of",
    "tracked_definitions",
]
