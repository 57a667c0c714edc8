"""Project files in Datasette: the page index is found and searchable, the section views
read in words, and the metadata export describes them."""

from __future__ import annotations

import asyncio
import json
import sqlite3

from datasette.app import Datasette
from datasette.utils import detect_fts

from desktop.cli import run_command_line
from exports.datasette import export_datasette_metadata
from schema.documents.search import search
from schema.project import open_project
from schema.store import Store


def _get(path, url: str, metadata: dict | None = None) -> dict | list:
    """A JSON page of Datasette serving `path`, asked in-process (no network)."""
    async def fetch():
        datasette = Datasette([str(path)], metadata=metadata)
        await datasette.invoke_startup()
        response = await datasette.client.get(url)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(fetch())


def test_datasette_detects_the_page_index_of_a_project(demo):
    conn = sqlite3.connect(demo)
    try:
        assert detect_fts(conn, "pages") == "pages_fts"
    finally:
        conn.close()
    table = _get(demo, "/demo/pages.json?_search=knife&_shape=objects")
    assert table["rows"] and all("knife" in row["text"].lower() for row in table["rows"])


def test_section_views_show_answers_in_words(demo):
    rows = _get(demo, "/demo/section_incident.json?_shape=array&reference=DHR-2022-01")
    assert [(r["method"], r["location"], r["date"]) for r in rows] == \
           [("Sharp instrument", "Shared home", "2020-10")]
    victims = _get(demo, "/demo/section_victims.json?_shape=array&reference=DHR-2022-01")
    assert victims[0]["born_outside_uk"] == "Yes" and victims[0]["item"] == 1
    assert "Experiencing domestic abuse" in victims[0]["characteristics"]


def test_metadata_gives_descriptions_facets_and_search_over_page_text(demo, tmp_path):
    out = tmp_path / "metadata.json"
    assert run_command_line(["export-datasette-metadata", str(demo), "--out", str(out)]) == 0
    metadata = json.loads(out.read_text(encoding="utf-8"))
    victims = metadata["databases"]["demo"]["tables"]["section_victims"]
    assert victims["title"] == "Victims" and "gender" in victims["facets"]
    assert victims["columns"]["gender"].startswith("Gender.")
    table = _get(demo, "/demo/section_victims.json?_shape=objects", metadata)
    facets = table["facet_results"]
    assert {"gender", "ethnicity"} <= set(facets)
    pages = _get(demo, "/demo/page_text.json?_search=knife&_shape=array", metadata)
    assert pages and all("knife" in row["text"].lower() for row in pages)
    assert {row["file_name"] for row in pages} <= {r[0] for r in sqlite3.connect(demo).execute(
        "SELECT file_name FROM documents")}


def test_metadata_export_refuses_an_existing_file(demo, tmp_path, capsys):
    out = tmp_path / "metadata.json"
    out.write_text("{}")
    assert run_command_line(["export-datasette-metadata", str(demo), "--out", str(out)]) == 2
    assert "--force" in capsys.readouterr().err and out.read_text() == "{}"
    result = export_datasette_metadata(demo, out, force=True)
    assert result.views_present and json.loads(out.read_text())["databases"]["demo"]


def test_the_app_search_uses_the_same_index(demo):
    store = Store(open_project(demo, readonly=True), "tester")
    try:
        hits = search(store, "knife")
    finally:
        store.close()
    assert hits and all("knife" in hit.snippet.lower() for hit in hits)
