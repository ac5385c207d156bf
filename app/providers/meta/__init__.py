"""Metadata providers: each subpackage is a MetaSearch and/or MetaDetails provider."""
