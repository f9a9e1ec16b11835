"""The official analysis table, as offices write it in Word: read it into plan data, write it back for signing.

    read (text_source: UTF-8 / UTF-16 / windows-874; docx_source) -> RawTable
        -> import_table (heading, cells: question, steps, period, units, wrap repair)
        -> ImportResult + review report -> writer (plan_data YAML)
    plan data -> export (TSV, the seed's form) / docx_export (A4 landscape Word table)
"""
