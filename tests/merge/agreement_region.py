"""A region project merged from two sites whose codings of three reviews differ a little."""

from __future__ import annotations

from schema.merge import merge_projects
from tests.merge.builders import code_review, make_project


def two_site_region(tmp_path, codebook):
    """Two sites code three reviews; they differ on DHR-1's gender, on DHR-2's
    characteristics (B adds mental health), and B says DHR-3's method is not reported."""
    a = make_project(tmp_path / "a.casecoder", codebook, "Lambeth", "A. Analyst")
    b = make_project(tmp_path / "b.casecoder", codebook, "Southwark", "B. Coder")
    for reference in ("DHR-1", "DHR-2", "DHR-3"):
        code_review(a, reference)
        code_review(b, reference, gender="male" if reference == "DHR-1" else "female")
    coding = b.codings(b.find_cases("DHR-2")[0].id)[0]
    b.set_answer(b.entities(coding.id, "victims")[0].id, "characteristics",
                 ["alcohol_misuse", "mental_health"])
    coding = b.codings(b.find_cases("DHR-3")[0].id)[0]
    b.mark_not_reported(b.section_entity(coding.id, "incident").id, "method")
    a.close()
    b.close()
    target = tmp_path / "region.casecoder"
    merge_projects(target, [tmp_path / "a.casecoder", tmp_path / "b.casecoder"], actor="R")
    return target
