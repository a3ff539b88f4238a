# The counters moved here from signing, beside the progress that reads them. The table
# (signing_supportcounter) and its rows stay where they are: only Django's state changes.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0003_submission_dates_and_permissions"),
        ("signing", "0005_move_supportcounter_to_initiatives"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SupportCounter",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("country", models.CharField(max_length=2)),
                        ("shard", models.PositiveSmallIntegerField()),
                        ("count", models.PositiveIntegerField(default=0)),
                        (
                            "initiative",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="initiatives.initiative",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "support counter",
                        "db_table": "signing_supportcounter",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("initiative", "country", "shard"),
                                name="one_counter_per_shard",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
