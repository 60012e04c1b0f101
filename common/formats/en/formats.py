# Dates as the back office writes them everywhere (common/dates.py): "5 Mar 2024, 09:00 IST", day first
# and with the zone. Django's own English formats would print "March 5, 2024, 9 a.m.".
# Input formats are left to Django's (ISO first), which the admin's date fields read.
DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i T"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
