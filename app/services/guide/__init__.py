"""The guide: sources, refresh (download, parse, replace), film detection, what is on."""
