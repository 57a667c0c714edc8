"""Datasette metadata for a project file: titles, column descriptions and facets.

    metadata = datasette_metadata(codebook, database="lambeth")
    export_datasette_metadata("lambeth.casecoder", "metadata.json")

`datasette lambeth.casecoder --metadata metadata.json` then shows the section views with the
codebook's labels as column descriptions, facets on the closed-answer fields, and page text
searchable beside its document's name. Pure functions of the codebook; no Qt.
"""

from exports.datasette.metadata import datasette_metadata, export_datasette_metadata

__all__ = ["datasette_metadata", "export_datasette_metadata"]
