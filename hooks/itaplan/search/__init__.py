"""Thai-aware site search: words are cut at build time, so the browser needs no Thai segmenter.

`segment` cuts Thai text into words (PyThaiNLP's dictionary segmenter plus the plan's own terms),
`words` gathers those terms, `cache` remembers what was already cut, and `index` rewrites the
search index MkDocs Material writes so its search finds single Thai words.
"""
