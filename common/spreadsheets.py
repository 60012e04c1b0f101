"""Numbers handed to a spreadsheet: every cell safe to open, whoever typed it."""

import csv
import re

from django.http import HttpResponse

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): anyone can type
# "=HYPERLINK(...)" into the public form. A leading apostrophe makes the cell text.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# A signed number is a number, not a formula that runs: a phone in E.164 (+919876543210) stays as it is.
PLAIN_NUMBER = re.compile(r"[+-]?[\d ]+(?:\.\d+)?")


def spreadsheet_safe(value):
    """The cell as text that no spreadsheet will evaluate; a plain number, such as a phone, unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_download(filename, header, rows):
    """A chart's numbers as a CSV file to download, each cell spreadsheet-safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return response
