"""What a site build needs around the pages: the content cache, atomic publishing, Git dates, edit links,
and the Content Security Policy of every page."""
