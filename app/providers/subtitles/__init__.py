"""Subtitle providers (capability ``subtitles``)."""
