"""The time bar: the year cursor every view follows, and the events on it."""
