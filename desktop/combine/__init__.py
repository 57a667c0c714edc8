"""desktop/combine: see the README's Layout section."""
