"""The printable learning brief: one case or a set of cases, pseudonymised, laid out with
reportlab. `build_brief(store, scope)` returns the PDF bytes; `write_pdf` saves them."""

from exports.brief.builder import (
    BriefRefused,
    BriefResult,
    build_brief,
    check_marking,
    write_pdf,
)
from exports.brief.scope import BriefScope

__all__ = ["BriefRefused", "BriefResult", "BriefScope", "build_brief", "check_marking", "write_pdf"]
