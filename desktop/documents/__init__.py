"""desktop/documents: see the README's Layout section."""
