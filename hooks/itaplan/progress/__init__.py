"""Progress and results of the measures: report rounds, step statuses, narrative and evidence.

Read after the plan (it refers to the plan's indicators and steps), before the pages are rendered.
"""
