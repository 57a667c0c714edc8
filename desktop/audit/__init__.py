"""desktop/audit: see the README's Layout section."""
