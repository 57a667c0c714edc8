"""README.txt beside the REDCap files: the project settings REDCap needs before the records
import, and how Casecoder's answers were written."""

from __future__ import annotations

from exports.redcap.dictionary import Layout
from exports.redcap.spec import MISSING_CODES, missing_codes_setting
from schema.codebook_model import Codebook
from schema.counting import describe_statuses


def readme_text(book: Codebook, layout: Layout, cases: int,
                statuses: tuple[str, ...]) -> str:
    """The README: the steps in REDCap, then what each kind of answer became."""
    repeating = layout.repeating()
    partial = [v.name for v in layout.variables if v.spec is not None and
               v.spec.type == "date" and not v.cells.get(
                   "Text Validation Type OR Show Slider Number")]
    unknown, not_applicable = (MISSING_CODES[s][0] for s in ("not_reported",
                                                             "not_applicable"))
    lines = [
        f"REDCap files for the codebook {book.title} ({book.key})",
        f"{cases} case(s) marked {describe_statuses(statuses)}, each through its consensus "
        f"coding where there is one, else its primary coding.",
        "",
        "Set the REDCap project up in this order:",
        "1. Data Dictionary page: upload redcap_data_dictionary.csv.",
        "2. Project Setup > Enable optional modules > Repeating instruments: make these "
        "instruments repeat:" if repeating else
        "2. No instrument repeats; nothing to set up for repeating instruments.",
        *[f"     {i.name}" for i in repeating],
        "3. Project Setup > Additional customizations > Missing Data Codes: enter these two "
        "lines (the records use them):",
        *[f"     {line}" for line in missing_codes_setting().splitlines()],
        "4. Data Import Tool: import redcap_records.csv.",
        "",
        "How the answers were written:",
        f"- 'Not reported' is the missing-data code {unknown}; 'not applicable' is "
        f"{not_applicable}. In a checkbox field the code is ticked in its own column "
        f"(name___{unknown.lower()}, name___{not_applicable.lower()}).",
        "- record_id is the Casecoder case id, which never changes; the case reference, "
        "review type, status and the coding exported are on the casecoder_case instrument.",
        "- Yes/no: 1 yes, 0 no. Checkboxes: 1 ticked, 0 not. Choices: the option keys.",
        "- Ages: whole years, or the key of an age band when only the band is known.",
        "- Dates: YYYY-MM-DD. A date field holding a partial date (a year, or a year and a "
        "month) is plain text instead, written YYYY or YYYY-MM: "
        f"{', '.join(partial) if partial else 'none in this export'}.",
        "- The Field Annotation of each variable names its Casecoder field "
        "(casecoder:section.field).",
        "- Evidence quotes, documents and the audit log stay in Casecoder.",
    ]
    return "\n".join(lines) + "\n"
