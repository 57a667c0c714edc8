"""What leaves the app: summary tables, the learning brief and data exports. No Qt."""
