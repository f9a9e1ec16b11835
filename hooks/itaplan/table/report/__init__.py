"""The report table of a round: export it prefilled with the plan's steps, import it filled in (bulk update)."""
