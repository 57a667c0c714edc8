"""What is stored and how: codebook, project database, store API. Never imports Qt."""
