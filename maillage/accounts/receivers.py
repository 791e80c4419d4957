"""Accounts listens to the kernel: records about people opened in the admin go to the audit log."""

from maillage.accounts.services import profile_views_record


def log_admin_views(sender, viewer, subject_ids: list[int], what: str, **kwargs) -> None:
    profile_views_record(viewer=viewer, subject_ids=subject_ids, what=what)
