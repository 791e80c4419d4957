"""The same sections as files: CSV (UTF-8 with BOM, so spreadsheet programs read the accents)
and Excel (openpyxl). Suppressed cells stay suppressed in the files."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from maillage.analytics.report import Section


def as_csv(sections: list[Section]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_("Table"), _("Item"), _("Value"), _("As shown")])
    for section in sections:
        for row in section.rows:
            writer.writerow(
                [section.title, row.label, "" if row.value is None else row.value, row.text]
            )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(sections: list[Section]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Figures")[:31]
    bold = Font(bold=True)
    for section in sections:
        sheet.append([section.title])
        sheet.cell(row=sheet.max_row, column=1).font = bold
        for row in section.rows:
            sheet.append([row.label, row.value if row.value is not None else row.text])
        sheet.append([])
    sheet.column_dimensions["A"].width = 55
    sheet.column_dimensions["B"].width = 18
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
