"""Open data: the plan of each fiscal year as CSV and JSON files with Frictionless and CKAN metadata."""
