# Portuguese writes its months in lower case since the 1990 orthographic agreement:
# "10 de março de 2026", not Django's "10 de Março de 2026" (E: core/formats/locale).
DATE_FORMAT = r"j \d\e E \d\e Y"
DATETIME_FORMAT = r"j \d\e E \d\e Y à\s H:i"
