"""Widgets for reading across cases: the search results and the quote bank views, and the
filter bar they share. They show records and emit signals; the window's analysis feature
(desktop.analysis) runs the queries through the store thread."""
