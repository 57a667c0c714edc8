"""desktop/coding: see the README's Layout section."""
