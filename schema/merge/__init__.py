"""Merging coded projects from several sites into one: source checks, case matching by
UUID, document hash or reference, copying, conflicts and the merge report. No Qt."""

from schema.merge.conflicts import CodedValue, FieldConflict, case_conflicts
from schema.merge.report import MergeReport, SourceReport
from schema.merge.run import merge_projects
from schema.merge.sources import MergeError

__all__ = ["CodedValue", "FieldConflict", "MergeError", "MergeReport", "SourceReport",
           "case_conflicts", "merge_projects"]
