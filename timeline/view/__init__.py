"""The interactive page: events placed on a time axis, the actor network, a table.

    records  -> events placed on the axis with their words (ViewEvent)
    figure   -> the Plotly timeline (lanes, markers, spans, bands, slider)
    network  -> the actor–mediator network figure
    escape   -> how document text is kept from becoming markup or script
    page     -> the self-contained timeline.html (assets/ holds its template, CSS and script)
"""
from timeline.view.figure import timeline_figure
from timeline.view.network import network_figure
from timeline.view.page import render_page, write_page
from timeline.view.records import ViewEvent, view_records

__all__ = ["ViewEvent", "network_figure", "render_page", "timeline_figure", "view_records", "write_page"]
