"""The official analysis table, as offices write it in Word: read it into plan data, write it back for signing.

    read (text_source: UTF-8 / UTF-16 / windows-874; docx_source) -> RawTable
        -> import_table (heading, cells: question, steps, period, units, wrap repair)
        -> ImportResult + review report -> writer (plan_data YAML)
    plan data -> export (TSV, the seed's form) / docx_export (A4 landscape Word table)

The report of a round (report/) goes the same way: its table exported prefilled with the plan's steps,
then read back filled in, into progress data (bulk update instead of thirty edits one by one).
"""
