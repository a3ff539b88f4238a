# Italian writes its months in lower case and the day without a leading zero: "1 maggio 2025",
# not Django's "01 Maggio 2025" (E: core/formats/locale).
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y H:i"
