"""Rutube (the original design's scraper) as a source: search, play options, the HLS balancer."""
