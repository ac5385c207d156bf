"""Guide formats: each subpackage is one GuideFeed provider (sniff + records)."""
