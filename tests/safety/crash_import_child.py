"""Child process for the import crash test: imports a PDF, printing each page as it is read."""

from __future__ import annotations

import sys

from desktop.cli.common import open_store
from schema.documents.importer import import_pdfs


def main() -> None:
    project, pdf = sys.argv[1], sys.argv[2]
    store = open_store(project, coder="Crash Test")
    case = store.find_cases("IMPORT-CASE")[0]
    print("ready", flush=True)
    outcomes = import_pdfs(store, [pdf], case_id=case.id,
                           progress=lambda done, total, _: print(f"page {done}", flush=True))
    print(f"done {outcomes[0].status}", flush=True)


if __name__ == "__main__":
    main()
