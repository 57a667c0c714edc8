"""desktop/project: see the README's Layout section."""
