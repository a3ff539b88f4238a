# Django's Irish formats define a thousands separator but no grouping: "1,000,000" needs it.
NUMBER_GROUPING = 3
# Django has no Irish date-time format and falls back to the English "Beal. 1, 2025, 2:05 i.n.".
DATETIME_FORMAT = "j F Y H:i"
