"""The glossary screen: every term a pupil needs, alphabetical in the current language."""
