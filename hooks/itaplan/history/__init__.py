"""The public history of every change to the plan data, read from Git: per fiscal year, which
field of which indicator changed when, from what to what, and an Atom feed of those changes."""

FEED = "feed.xml"
"""Where the Atom feed of the changes is published, relative to the site root."""
