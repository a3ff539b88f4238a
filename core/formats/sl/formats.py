# Slovenian dates take the month in the genitive and the day without a leading zero:
# "1. maja 2025", not Django's "01. maj 2025" (E: core/formats/locale).
DATE_FORMAT = "j. E Y"
DATETIME_FORMAT = "j. E Y H:i"
