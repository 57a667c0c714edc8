"""Managing cases in the window: edit, delete, document links, import into a case."""
