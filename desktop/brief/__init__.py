"""desktop/brief: see the README's Layout section."""
