"""What a site build needs around the pages: the content cache, atomic publishing, Git dates, edit links, the Content Security Policy."""
