"""The application shell: the window, dialogs, workers and the command line.

Importing this package does not import Qt; only the GUI modules do, so the command line
starts fast and runs headless."""
