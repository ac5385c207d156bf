"""Playback sessions: the player, progress, failover, controls, the watchdog."""
