# Django's Romanian formats define a thousands separator but no grouping: "1.000.000".
NUMBER_GROUPING = 3
# Romanian writes its months in lower case, "10 martie 2026" (E: core/formats/locale).
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
