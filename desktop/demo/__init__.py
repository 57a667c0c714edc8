"""desktop/demo: see the README's Layout section."""
