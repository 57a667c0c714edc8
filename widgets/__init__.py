"""Reusable Qt widgets: the PDF viewer, the coding form and their parts."""
