"""widgets/tables: see the README's Layout section."""
