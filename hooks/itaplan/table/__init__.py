"""The official analysis table, as offices write it in Word: read it into plan data, write it back for signing.

    read (text_source, docx_source) -> RawTable -> import_table (heading, cells, question, period)
        -> ImportResult + review report -> writer (plan_data YAML)
    plan data -> export (TSV, the seed's form) / docx_export (A4 landscape Word table)
"""
