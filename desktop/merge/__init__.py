"""desktop/merge: see the README's Layout section."""
