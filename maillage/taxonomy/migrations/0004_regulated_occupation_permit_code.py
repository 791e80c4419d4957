from django.db import migrations, models


class Migration(migrations.Migration):
    """Each regulated occupation's permit gets a stable code (postings require a permit and
    candidates record their status by it) and the source of the requirement. Existing rows get
    an empty code until `load_reference_data` reloads the file (its checksum changed)."""

    dependencies = [
        ("taxonomy", "0003_regulated_occupations"),
    ]

    operations = [
        migrations.AddField(
            model_name="regulatedoccupation",
            name="permit_code",
            field=models.CharField(
                db_index=True, default="", max_length=60, verbose_name="permit code"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="regulatedoccupation",
            name="source_url",
            field=models.URLField(blank=True, verbose_name="source of the requirement"),
        ),
    ]
