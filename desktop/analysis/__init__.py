"""Analysis views that sit beside the main window."""
