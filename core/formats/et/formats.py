# Django's Estonian formats define a thousands separator but no grouping: "1 000 000" needs it.
NUMBER_GROUPING = 3
# Django has no Estonian date-time format and falls back to the English "mai 1, 2025, 2:05 p.l.".
DATETIME_FORMAT = "j. F Y H:i"
