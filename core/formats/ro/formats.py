# Django's Romanian formats define a thousands separator but no grouping: "1.000.000".
NUMBER_GROUPING = 3
