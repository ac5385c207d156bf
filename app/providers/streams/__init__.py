"""Stream-search providers: every way to watch a title (torrents, HLS, pages, TV), one subpackage each."""
