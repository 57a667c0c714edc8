"""widgets/cases: see the README's Layout section."""
