"""The guided story: chapter rail, chapter text, quote, perspectives, the chapter's plot."""
