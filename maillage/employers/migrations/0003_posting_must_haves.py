from django.db import migrations, models


def licences_are_must_haves(apps, schema_editor):
    """A licence, card or certification already required by a posting is a must-have by default."""
    from maillage.employers.requirements import is_credential

    PostingSkill = apps.get_model("employers", "PostingSkill")
    ids = [
        skill.pk
        for skill in PostingSkill.objects.filter(is_required=True).only("pk", "label")
        if is_credential(skill.label)
    ]
    PostingSkill.objects.filter(pk__in=ids).update(is_must_have=True)


class Migration(migrations.Migration):
    dependencies = [
        ("employers", "0002_verbose_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="jobposting",
            name="shows_missing_must_haves",
            field=models.BooleanField(
                default=False,
                verbose_name="also show me candidates missing a must-have (at most 2 stars)",
            ),
        ),
        migrations.AddField(
            model_name="postingskill",
            name="is_must_have",
            field=models.BooleanField(default=False, verbose_name="must-have"),
        ),
        migrations.RunPython(licences_are_must_haves, migrations.RunPython.noop),
    ]
