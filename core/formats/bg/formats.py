# Django's Bulgarian formats define a thousands separator but no grouping: counters of a million
# statements must read "1 000 000".
NUMBER_GROUPING = 3
# Bulgarian writes "10 март 2026 г.": the month in lower case (E: core/formats/locale), the day
# without a leading zero, and "г." never wrapped away from its year (a no-break space).
DATE_FORMAT = "j E Y\u00a0\\г."
DATETIME_FORMAT = "j E Y\u00a0\\г., H:i"
