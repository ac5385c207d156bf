"""App-aware widgets: they may hold services (widgets/ never do)."""
