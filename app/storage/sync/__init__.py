"""The shared library: the synced tables, change capture, the server side (issue 17)."""
