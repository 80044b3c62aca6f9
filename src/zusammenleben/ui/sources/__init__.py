"""The sources screen: every source and what it supports."""
