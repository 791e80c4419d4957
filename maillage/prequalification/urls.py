from django.urls import path

from maillage.prequalification.views import advisor, candidate, employer

app_name = "prequalification"
urlpatterns = [
    # The program team
    path("queue/", advisor.queue, name="queue"),
    path("queue/decide/", advisor.queue_decide, name="queue-decide"),
    path("proposals/<uuid:public_id>/", advisor.proposal_detail, name="proposal-detail"),
    path("proposals/<uuid:public_id>/decide/", advisor.proposal_decide, name="proposal-decide"),
    path("postings/", advisor.posting_list, name="posting-list"),
    path("postings/<uuid:public_id>/", advisor.posting_proposals, name="posting-proposals"),
    path(
        "postings/<uuid:public_id>/add/",
        advisor.posting_add_candidate,
        name="posting-add-candidate",
    ),
    path("reviews/", advisor.review_list, name="review-list"),
    path("reviews/<int:pk>/answer/", advisor.review_answer, name="review-answer"),
    path("audit/", advisor.audit_log, name="audit-log"),
    path("program-settings/", advisor.program_settings, name="program-settings"),
    # The candidate
    path("mine/", candidate.mine, name="mine"),
    path("mine/<uuid:public_id>/", candidate.mine_detail, name="mine-detail"),
    path("mine/<uuid:public_id>/consent/", candidate.mine_consent, name="mine-consent"),
    path(
        "mine/<uuid:public_id>/undo-decline/",
        candidate.mine_decline_undo,
        name="mine-decline-undo",
    ),
    path("mine/<uuid:public_id>/withdraw/", candidate.mine_withdraw, name="mine-withdraw"),
    path("mine/<uuid:public_id>/review/", candidate.mine_review, name="mine-review"),
    # The employer
    path("shortlist/", employer.shortlist, name="shortlist"),
    path("shortlist/<uuid:public_id>/", employer.shortlist_posting, name="shortlist-posting"),
    path(
        "shortlist/candidates/<uuid:public_id>/",
        employer.shortlist_candidate,
        name="shortlist-candidate",
    ),
    path(
        "shortlist/candidates/<uuid:public_id>/decline/",
        employer.shortlist_decline,
        name="shortlist-decline",
    ),
]
