"""widgets/audit: see the README's Layout section."""
