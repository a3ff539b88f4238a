# Slovak dates take the month in the genitive: "10. marca 2026", not Django's "10. marec 2026"
# (E: core/formats/locale, since Django's Slovak catalogue has no genitive months).
DATE_FORMAT = "j. E Y"
DATETIME_FORMAT = "j. E Y G:i"
