"""The comment form: django-comments-xtd's, without the placeholders that repeat its labels."""

from django_comments_xtd.forms import XtdCommentForm


class CommentForm(XtdCommentForm):
    """Labels are in the site's templates; placeholders would vanish as the reader types."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
