"""Extended M3U playlists (IPTV channels, catch-up, url-tvg)."""
