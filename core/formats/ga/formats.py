# Django's Irish formats define a thousands separator but no grouping: "1,000,000" needs it.
NUMBER_GROUPING = 3
