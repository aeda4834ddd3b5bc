"""The readers' pages, under the language prefix."""

from django.urls import path

from plugins.readers.views import account, cards, holds, privacy, registration

app_name = "readers"

urlpatterns = [
    path("account/", account.account, name="account"),
    path("account/card/", cards.link_card, name="link_card"),
    path("account/card/unlink/", cards.unlink_card, name="unlink_card"),
    path("account/loans/<int:checkout_id>/renew/", account.renew, name="renew"),
    path("account/loans/renew/", account.renew_all, name="renew_all"),
    path("account/holds/", holds.place_hold, name="place_hold"),
    path("account/holds/<int:hold_id>/cancel/", account.cancel_hold, name="cancel_hold"),
    path("account/history/", account.reading_history, name="reading_history"),
    path("account/data/", privacy.download_data, name="download_data"),
    path("account/delete/", privacy.delete_account, name="delete_account"),
    path("register/", registration.register, name="register"),
    path("register/done/", registration.registered, name="registered"),
]
