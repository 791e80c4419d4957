from django.core.management.base import BaseCommand

from maillage.prequalification.services import ranker_retrain


class Command(BaseCommand):
    help = "Train the learning-to-rank model on the recorded decisions and activate it."

    def handle(self, *args, **options) -> None:
        model, report = ranker_retrain()
        if model is None:
            self.stdout.write(f"Not trained ({report.why_not}): the hand-set policy stays.")
        else:
            self.stdout.write(f"Trained {model.version} on {report.labels} labels; now active.")
