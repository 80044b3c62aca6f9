"""The About screen: version, credits, the content's sources and the licences."""
