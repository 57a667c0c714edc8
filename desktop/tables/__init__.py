"""desktop/tables: see the README's Layout section."""
