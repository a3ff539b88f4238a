# Django's English "N j, Y" is American and abbreviates some months only ("March 10, 2026" beside
# "Sept. 15, 2025"); the EU's English writes every date one way: "10 March 2026".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
# Short dates day first as well (chart axes, tables): 14/11/2026, as the date-of-birth field
# asks for it, never the American 11/14/2026.
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
