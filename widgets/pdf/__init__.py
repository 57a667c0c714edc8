"""widgets/pdf: see the README's Layout section."""
