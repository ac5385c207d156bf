"""Ways to watch: resolving sources into playables, ranking, health, torrent streaming."""
