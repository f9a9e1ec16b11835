"""itaplan: publish a Thai agency's ITA analysis and improvement plan from structured plan data."""

# The one place the version is written (pyproject.toml reads it; see itaplan.project.versions). Between
# releases it is the next release's development version; CHANGELOG.md's "Unreleased" says what it adds.
__version__ = "0.2.0.dev0"
