"""XMLTV guides (streaming reader)."""
