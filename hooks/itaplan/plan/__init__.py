"""Read, validate and model the plan data: YAML in, typed model out (no rendering, no MkDocs)."""
