"""itaplan: publish a Thai agency's ITA analysis and improvement plan from structured plan data."""

__version__ = "0.1.0"
