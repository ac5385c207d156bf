"""Nyaa (anime torrents): RSS search by the Shikimori names."""
