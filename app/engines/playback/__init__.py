"""Playback: a Player protocol and its libvlc backend."""
