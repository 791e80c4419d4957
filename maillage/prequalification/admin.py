from django.contrib import admin

from maillage.core.admin import ProgramAdmin
from maillage.prequalification.models import DecisionLabel, Proposal, ReviewRequest


@admin.register(Proposal)
class ProposalAdmin(ProgramAdmin):
    audit_person = "candidate__user"
    list_display = ["public_id", "status", "source", "score", "engine_version", "created_at"]
    list_filter = ["status", "source"]


@admin.register(DecisionLabel)
class DecisionLabelAdmin(ProgramAdmin):
    audit_person = "candidate__user"
    list_display = ["decided_at", "label", "relevance", "source", "engine_version"]
    list_filter = ["label", "source"]


@admin.register(ReviewRequest)
class ReviewRequestAdmin(ProgramAdmin):
    audit_person = "proposal__candidate__user"
    list_display = ["created_at", "status", "outcome"]
    list_filter = ["status", "outcome"]
