"""Small dialogs of the main window: coder name, new project, new case, import."""
