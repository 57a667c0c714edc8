"""desktop/cases: managing cases from the window (edit, delete, document links)."""
