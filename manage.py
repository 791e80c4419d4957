#!/usr/bin/env python
import os
import sys


def _not_ready(error: Exception) -> str:
    """One line for a database or broker that is missing or not migrated (no traceback)."""
    detail = (str(error).strip().splitlines() or [type(error).__name__])[0]
    command = sys.argv[1] if len(sys.argv) > 1 else "manage.py"
    if "no such table" in detail or ("relation" in detail and "does not exist" in detail):
        return (
            f"{command}: the database is not set up ({detail}); run "
            "`manage.py migrate && manage.py load_reference_data` first"
        )
    return (
        f"{command}: a service does not answer ({detail}); is it running? (DATABASE_URL, REDIS_URL)"
    )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError, ProgrammingError
    from kombu.exceptions import OperationalError as BrokerError

    try:
        execute_from_command_line(sys.argv)
    except (OperationalError, ProgrammingError, BrokerError) as error:
        if "--traceback" in sys.argv:
            raise
        print(_not_ready(error), file=sys.stderr)
        sys.exit(2)
