# The counters moved to initiatives, beside the progress that reads them; the table stays.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("signing", "0004_destroyed_statements"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SupportCounter")],
            database_operations=[],
        ),
    ]
