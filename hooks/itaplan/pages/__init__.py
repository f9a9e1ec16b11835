"""Render the typed model into Markdown pages: templates, chart, paths, and the core's own page writer."""
