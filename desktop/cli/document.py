"""`import` and `search`: bringing review PDFs into a project and finding text in them."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.cli.common import add_project_argument, open_store
from schema.documents.importer import import_pdfs
from schema.documents.search import SearchFilter
from schema.errors import CasecoderError, NotFoundError, ValidationError

STATUS_LABELS = {
    "imported": "imported", "already_present": "already in project",
    "needs_password": "needs a password", "no_text": "no text layer",
    "partial": "partly extracted", "unreadable": "not a readable PDF",
    "cancelled": "cancelled",
}


def register(subparsers) -> None:
    importer = subparsers.add_parser(
        "import", help="import review PDFs into a project",
        description="Import one or more PDFs. Each file gets one status line. Exits 1 if any "
                    "file was not imported (a file already in the project counts as fine); "
                    "what the project already held is never changed.")
    add_project_argument(importer)
    importer.add_argument("files", nargs="+", metavar="FILE", help="PDF files to import")
    importer.add_argument("--case", metavar="REF", help="link the documents to this case")
    importer.add_argument("--password-file", metavar="F",
                          help="a file whose first line is the PDFs' password")
    importer.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    importer.add_argument("--page-timeout", type=float, default=10.0, metavar="SECONDS",
                          help="time limit for reading one page (default 10)")
    importer.set_defaults(handler=_import)

    finder = subparsers.add_parser(
        "search", help="full-text search over a project's documents",
        description='Search every document. QUERY takes words (all must occur), "a phrase", '
                    "prefix* and AND, OR, NOT. Each hit line gives the case reference (or "
                    "'-' for a document no case holds), the file, the page and paragraph, "
                    "and a snippet with hits marked [like this].")
    add_project_argument(finder)
    finder.add_argument("query", metavar="QUERY")
    finder.add_argument("--limit", type=int, default=20, help="most results (default 20)")
    finder.add_argument("--case", metavar="REF", help="only this case's documents")
    finder.add_argument("--category", metavar="KEY", help="only cases of this category")
    finder.add_argument("--review-type", metavar="KEY", help="only cases of this review type")
    finder.add_argument("--site", help="only cases of this site")
    finder.set_defaults(handler=_search)


def _import(args) -> int:
    password = _read_password(args.password_file) if args.password_file else None
    if args.workers < 1 or args.page_timeout <= 0:
        raise ValidationError("--workers must be at least 1 and --page-timeout above 0")
    store = open_store(args.project)
    try:
        case_id = _case_id(store, args.case) if args.case else None
        outcomes = import_pdfs(store, args.files, case_id=case_id, password=password,
                               workers=args.workers, page_timeout=args.page_timeout,
                               progress=_progress_printer())
    finally:
        store.close()
    _clear_progress()
    for outcome in outcomes:
        print(f"{outcome.path}: {outcome.message}")
    if any(o.status == "needs_password" for o in outcomes):
        print("Give the password in a file with --password-file F.", file=sys.stderr)
    return 0 if all(o.ok for o in outcomes) else 1


def _read_password(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CasecoderError(f"cannot read the password file {path} ({exc})") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise CasecoderError(f"the password file {path} is empty")
    return lines[0]


def _case_id(store, reference: str) -> str:
    found = store.find_cases(reference)
    if not found:
        raise NotFoundError(f"no case {reference!r} in this project; add it first, or check "
                            f"the reference with 'cases'")
    if len(found) > 1:
        raise ValidationError(f"{len(found)} cases have the reference {reference!r}")
    return found[0].id


def _progress_printer():
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, message: str) -> None:
        sys.stderr.write(f"\r\x1b[K{done}/{total} {message}"[:120])
        sys.stderr.flush()
    return show


def _clear_progress() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()


def _search(args) -> int:
    store = open_store(args.project, readonly=True)
    try:
        where = SearchFilter(case_id=_case_id(store, args.case) if args.case else None,
                             category=args.category, review_type=args.review_type,
                             site=args.site)
        hits = store.search_pages(args.query, where, limit=args.limit)
    finally:
        store.close()
    if not hits:
        print(f"No matches for {args.query}.", file=sys.stderr)
    for hit in hits:
        where = f"p. {hit.page}" + (f", para {hit.paragraph}" if hit.paragraph else "")
        print(f"{hit.case_reference or '-'}\t{hit.file_name}\t{where}\t{hit.snippet}")
    return 0
