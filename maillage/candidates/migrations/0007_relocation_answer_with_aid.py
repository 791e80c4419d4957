"""« Would you move? » gets a third answer, « Yes, if the employer offers relocation assistance »:
the nullable boolean becomes a choice, each saved answer kept (True → yes, False → no, None →
not answered)."""

from django.db import migrations, models

ANSWERS = {True: "yes", False: "no", None: ""}


def answers_forward(apps, schema_editor):
    profiles = apps.get_model("candidates", "CandidateProfile").objects
    for old, new in ANSWERS.items():
        profiles.filter(is_ready_to_relocate=old).update(relocation=new)


def answers_backward(apps, schema_editor):
    # "with aid" goes back to a yes: she said she would move.
    profiles = apps.get_model("candidates", "CandidateProfile").objects
    profiles.filter(relocation__in=["yes", "with_aid"]).update(is_ready_to_relocate=True)
    profiles.filter(relocation="no").update(is_ready_to_relocate=False)
    profiles.filter(relocation="").update(is_ready_to_relocate=None)


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0006_profile_country_and_relocation_left_unanswered"),
    ]

    operations = [
        migrations.AddField(
            model_name="candidateprofile",
            name="relocation",
            field=models.CharField(
                blank=True,
                choices=[
                    ("yes", "Yes, I would move"),
                    ("with_aid", "Yes, if the employer offers relocation assistance"),
                    ("no", "No, I would not move"),
                ],
                max_length=8,
                verbose_name="ready to relocate",
            ),
        ),
        migrations.RunPython(answers_forward, answers_backward),
        migrations.RemoveField(model_name="candidateprofile", name="is_ready_to_relocate"),
    ]
