"""The Help menu: the user guide shipped with the app (resources/help), the keyboard shortcuts
as the running window has them, About Casecoder, and Copy diagnostics. Nothing here needs the
network. `add_help_menu(window)` is the one call the main window makes."""
