"""Engines: the torrent session and the playback backend."""
