"""Index the CAPTCHA challenges' expiry.

django-simple-captcha deletes expired challenges on every answer it checks
(`DELETE ... WHERE expiration <= now`). Its table holds every challenge of the last
CAPTCHA_TIMEOUT minutes, which under a signing rush is tens of thousands of rows: without an
index each signature would scan them all.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("signing", "0002_signingpage_statement"),
        ("captcha", "0002_alter_captchastore_id"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS captcha_captchastore_expiration_idx "
            "ON captcha_captchastore (expiration)",
            reverse_sql="DROP INDEX IF EXISTS captcha_captchastore_expiration_idx",
        )
    ]
