# Django's English "N j, Y" is American and abbreviates some months only ("March 10, 2026" beside
# "Sept. 15, 2025"); the EU's English writes every date one way: "10 March 2026".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
