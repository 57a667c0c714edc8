"""Review documents: importing PDFs into a project, their text layer, and full-text search.

One feature per module: `pdf_probe` (reading and recognising a file), `extract_worker` (the
pdfminer.six code that runs in a worker process), `extraction` (the parent side: worker
processes, per-page time limits, cancel), `paragraphs` (numbered-paragraph detection),
`text_store` (writing a document and its pages in one transaction), `importer` (the import
entry point and per-file status), `text_layer` (lines and paragraphs for citing evidence) and
`search` (FTS5 queries). Nothing here imports Qt.
"""
