# Django's Bulgarian formats define a thousands separator but no grouping: counters of a million
# statements must read "1 000 000".
NUMBER_GROUPING = 3
