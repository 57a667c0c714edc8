"""Export → "Data for other tools…": every export meant for another program, in one dialog."""
