"""Runs every command of the command line, and the desktop window, on a demo-like project.

Started by test_no_network.py with sitecustomize.py active. Prints the commands it ran, one
per line, as "ran COMMAND", so the test can check that no registered command was skipped.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reportlab.pdfgen import canvas

from main import main


def _pdf(path: Path) -> Path:
    pdf = canvas.Canvas(str(path))
    for page in range(1, 4):
        pdf.drawString(72, 760, f"{page}.1 The review panel met the family of Adult A.")
        pdf.showPage()
    pdf.save()
    return path


def _run(*argv: str) -> None:
    code = main([str(a) for a in argv])
    print(f"ran {argv[0]} -> {code}", flush=True)
    if code not in (0, 1):
        raise SystemExit(f"{argv[0]} failed with {code}")


def commands(work: Path) -> None:
    project, other = work / "p.casecoder", work / "q.casecoder"
    pdf = _pdf(work / "review.pdf")
    (work / "cases.csv").write_text("reference,review_type,category\n"
                                    "DHR-1,DHR,intimate_partner\n", encoding="utf-8")
    _run("new", project, "--site", "Lambeth")
    _run("new", other, "--site", "Hackney")
    _run("codebook", "validate", Path("resources/codebooks/uk_reviews.yaml").resolve())
    _run("import-cases", project, work / "cases.csv")
    _run("import", project, pdf, "--case", "DHR-1")
    _run("search", project, "family")
    _run("suggest", project, "--case", "DHR-1")
    _run("info", project)
    _run("cases", project)
    _run("check", project)
    _run("settings", project, "--blind", "on")
    _run("settings", project)
    _run("export-json", project, "--out", work / "cases.json")
    _run("import-json", other, work / "cases.json")
    _run("audit", project, "--out", work / "audit.csv")
    _run("backup", project, "--out", work / "backup.casecoder")
    _run("restore", project, work / "backup.casecoder")
    demo = work / "demo.casecoder"
    _run("demo", demo)
    _run("tables", demo, "--out", work / "tables", "--format", "csv,xlsx,html,pdf")
    _run("export-data", demo, "--out", work / "data.sav", "--include-in-progress")
    _run("export-data", demo, "--out", work / "data.xlsx", "--shape", "long")
    _run("brief", demo, "--case", "DHR-2022-01", "--out", work / "brief.pdf")
    _run("export-qdpx", demo, "--out", work / "demo.qdpx")
    _run("export-qdc", demo, "--out", work / "demo.qdc")
    _run("export-datasette-metadata", demo, "--out", work / "metadata.json")
    _run("quotes", demo, "--field", "victims.age", "--out", work / "quotes.pdf")
    _run("merge", work / "merged.casecoder", project, other)
    _run("conflicts", work / "merged.casecoder")
    _run("agreement", work / "merged.casecoder", "--details", "--out", work / "agree.csv")
    _run("merge", work / "merged.casecoder", demo, "--dry-run", "--candidates-out",
         work / "pairs.csv")
    _run("candidates", demo, "--out", work / "pairs.csv")
    _run("decide", demo, work / "pairs.csv")
    _run("export-redcap", demo, "--out", work / "redcap")
    _run("matrix", demo, "--out", work / "matrix.xlsx")
    _run("timeline", demo, "--case", "DHR-2022-01", "--out", work / "timeline.svg")
    _run("combine-cases", demo, "DHR-2022-01", "SAR-2023-02")
    os.environ["CASECODER_PASSPHRASE"] = "offline test passphrase"
    _run("encrypt", other)
    _run("decrypt", other)


def window(work: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.app import create_main_window

    app = QApplication.instance() or QApplication([])
    window = create_main_window(work / "demo.casecoder")
    window.show()
    deadline = __import__("time").monotonic() + 3
    while __import__("time").monotonic() < deadline:
        app.processEvents()
    window.close()
    print("ran open -> 0", flush=True)


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    commands(folder)
    window(folder)
