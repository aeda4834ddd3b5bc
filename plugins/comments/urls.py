"""django-comments-xtd's pages without its REST API (the site's comments need no JavaScript)."""

from django.urls import path
from django_comments.views.comments import comment_done, post_comment
from django_comments.views.moderation import flag_done
from django_comments_xtd import views as xtd

from plugins.comments.limits import COMMENT, FEEDBACK, limited
from plugins.comments.views import comment_form, comment_form_page, comment_target

urlpatterns = [
    path(
        "write/<int:content_type_id>/<str:object_pk>/", comment_form_page, name="comment-form-page"
    ),
    path("form/<int:content_type_id>/<str:object_pk>/", comment_form, name="comment-form"),
    path("post/", limited(COMMENT)(post_comment), name="comments-post-comment"),
    path("posted/", comment_done, name="comments-comment-done"),
    path("sent/", xtd.sent, name="comments-xtd-sent"),
    path("confirm/<str:key>/", xtd.confirm, name="comments-xtd-confirm"),
    path("mute/<str:key>/", xtd.mute, name="comments-xtd-mute"),
    path("reply/<int:cid>/", xtd.reply, name="comments-xtd-reply"),
    path("flag/<int:comment_id>/", limited(FEEDBACK)(xtd.flag), name="comments-flag"),
    path("flagged/", flag_done, name="comments-flag-done"),
    path("like/<int:comment_id>/", limited(FEEDBACK)(xtd.like), name="comments-xtd-like"),
    path("liked/", xtd.like_done, name="comments-xtd-like-done"),
    path("dislike/<int:comment_id>/", limited(FEEDBACK)(xtd.dislike), name="comments-xtd-dislike"),
    path("disliked/", xtd.dislike_done, name="comments-xtd-dislike-done"),
    path("cr/<int:content_type_id>/<str:object_pk>/", comment_target, name="comments-url-redirect"),
]
