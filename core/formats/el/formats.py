# Django's Greek dates are numeric; Greek spells the month in the genitive: "10 Μαρτίου 2026".
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
