"""The demo's readers' ratings, reviews, tags and bookshelves, so record pages, results, the
tag cloud and recommendations show readers' voices from the start, in every language of the
site, and readers' lists are there to open and follow.

Demo readers have no password (they cannot sign in); each prefers the books of one or two
languages and rates them higher, the way real readers' tastes cluster.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_comments_xtd.models import XtdComment

from plugins.opac import tags
from plugins.opac.models import CatalogueRecord, Rating, Shelf, ShelfEntry, ShelfFollow, TagTerm
from plugins.opac.shelves import create_list, fixed_shelves, name_key

# Demo readers and the languages whose books they like best.
READERS = {
    "demo-anna": ("ukr",),
    "demo-bogdan": ("ukr", "rus"),
    "demo-carolina": ("rum",),
    "demo-dmitri": ("rus",),
    "demo-emily": ("eng",),
    "demo-filip": ("eng", "rum"),
}
DEMO_READER = "reader"  # the account plugins.readers.demo makes, who can sign in
EVERY = 3  # each reader rates one record in three, a different third each


def ensure_demo_ratings() -> int:
    """Create the demo readers and their ratings where missing; the number of ratings made."""
    records = list(CatalogueRecord.objects.order_by("biblio_id").values_list("pk", "language"))
    made = 0
    with transaction.atomic():
        for number, (username, liked) in enumerate(READERS.items()):
            reader, created = get_user_model().objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@library20.example",
                    "first_name": username.removeprefix("demo-").capitalize(),
                },
            )
            if created:
                reader.set_unusable_password()
                reader.save()
            rated = set(Rating.objects.filter(reader=reader).values_list("record_id", flat=True))
            for biblio_id, language in records:
                if (biblio_id + number) % EVERY or biblio_id in rated:
                    continue
                stars = 4 + (biblio_id % 2) if language in liked else 2 + (biblio_id % 2)
                Rating.objects.create(reader=reader, record_id=biblio_id, stars=stars)
                made += 1
    return made


# (reader, title, the review in the site language it was written in, a reply or "").
REVIEWS = [
    (
        "demo-emily",
        "Oliver Twist",
        "en",
        "A page-turner even today: Dickens makes the London of the workhouse unforgettable.",
        "Agreed, and the Artful Dodger steals every scene he is in.",
    ),
    (
        "demo-filip",
        "The hobbit",
        "en",
        "The perfect first fantasy for a young reader; we read it aloud in a week.",
        "",
    ),
    (
        "demo-dmitri",
        "Мастер и Маргарита",
        "ru",
        "Перечитываю каждые несколько лет и всякий раз нахожу новое. Лучший роман о Москве.",
        "Согласна! Глава о бале у Сатаны — это что-то невероятное.",
    ),
    (
        "demo-bogdan",
        "Евгений Онегин",
        "ru",
        "Классика, которую стоит читать вслух: стих звучит удивительно современно.",
        "",
    ),
    (
        "demo-anna",
        "Ворошиловград",
        "uk",
        "Жадан пише про Донбас так, що хочеться туди поїхати. Дуже жива мова.",
        "Саме так. А ще тут найкращі описи степу, які я читав.",
    ),
    (
        "demo-bogdan",
        "Інтернат",
        "uk",
        "Важка, але дуже потрібна книжка. Раджу всім, хто хоче зрозуміти цю війну.",
        "",
    ),
    (
        "demo-carolina",
        "Baltagul",
        "ro",
        "Vitoria Lipan este una dintre cele mai puternice eroine ale literaturii române.",
        "Da, iar finalul m-a ținut cu sufletul la gură.",
    ),
    (
        "demo-filip",
        "Maitreyi",
        "ro",
        "O poveste de dragoste scrisă cu o sinceritate rară; se citește pe nerăsuflate.",
        "",
    ),
]
# (reader, title, tag, its language); terms in PENDING wait for a librarian.
TAGS = [
    ("demo-emily", "Oliver Twist", "Victorian London", "en"),
    ("demo-emily", "Great expectations", "Victorian London", "en"),
    ("demo-filip", "The hobbit", "read aloud", "en"),
    ("demo-filip", "Winnie-the-Pooh", "read aloud", "en"),
    ("demo-emily", "Nineteen eighty-four", "dystopia", "en"),
    ("demo-filip", "Animal farm", "dystopia", "en"),
    ("demo-dmitri", "Мастер и Маргарита", "мистика", "ru"),
    ("demo-dmitri", "Евгений Онегин", "роман в стихах", "ru"),
    ("demo-bogdan", "Война и мир", "эпопея", "ru"),
    ("demo-anna", "Ворошиловград", "Донбас", "uk"),
    ("demo-bogdan", "Інтернат", "Донбас", "uk"),
    ("demo-anna", "Маруся Чурай", "роман у віршах", "uk"),
    ("demo-carolina", "Baltagul", "roman rural", "ro"),
    ("demo-carolina", "Pădurea spânzuraților", "război", "ro"),
    ("demo-filip", "Maitreyi", "dragoste", "ro"),
    ("demo-filip", "Maitreyi", "India", "ro"),
]
PENDING = {"India", "эпопея"}


def ensure_demo_reviews_and_tags() -> tuple[int, int]:
    """The demo readers' reviews (with replies) and tags where missing; how many were made.
    Run after ``ensure_demo_ratings``, which creates the readers."""
    users = {user.username: user for user in get_user_model().objects.filter(username__in=READERS)}
    titles = {title for _r, title, *_rest in REVIEWS} | {title for _r, title, _t, _l in TAGS}
    records = {r.title: r for r in CatalogueRecord.objects.filter(title__in=titles)}
    record_type = ContentType.objects.get_for_model(CatalogueRecord)
    reviews = taggings = 0
    with transaction.atomic():
        for number, (username, title, _language, text, reply) in enumerate(REVIEWS):
            record = records.get(title)
            if record is None or XtdComment.objects.filter(comment=text).exists():
                continue
            review = _review(record_type, record, users[username], text)
            reviews += 1
            if reply:
                replier = list(users.values())[(number + 1) % len(users)]
                _review(record_type, record, replier, reply, parent=review)
                reviews += 1
        for username, title, term, language in TAGS:
            if title not in records:
                continue
            try:
                tags.add_tag(users[username], records[title], term, language)
            except tags.TagRefused:  # given already, by an earlier demo
                continue
            taggings += 1
        TagTerm.objects.filter(status=TagTerm.Status.PENDING).exclude(term__in=PENDING).update(
            status=TagTerm.Status.APPROVED
        )
    return reviews, taggings


def _review(record_type, record, user, text: str, parent=None) -> XtdComment:
    return XtdComment.objects.create(
        content_type=record_type,
        object_pk=str(record.pk),
        site_id=settings.SITE_ID,
        user=user,
        user_name=user.get_full_name() or user.get_username(),
        user_email=user.email,
        comment=text,
        parent_id=parent.pk if parent else 0,
    )


# Public lists of the demo's readers, in their languages: (name, description, the language of
# the records on it, the name the reader shows; "" for none, shown as "A reader").
DEMO_LISTS = {
    "demo-anna": ("Українська класика", "Книжки, до яких я повертаюся.", "ukr", "Анна"),
    "demo-dmitri": ("Русская проза", "Перечитываю зимой.", "rus", ""),
    "demo-carolina": ("Clasici români", "Cărțile din liceu, recitite.", "rum", "Carolina"),
    "demo-emily": ("Victorian novels", "Long books for long evenings.", "eng", "Emily"),
    DEMO_READER: ("Holiday reading", "What I take on holiday.", "", ""),
}
ON_LIST = 5  # records on each demo list
FOLLOWED_BY_READER = ("demo-anna", "demo-emily")


def ensure_demo_shelves() -> int:
    """Give the demo readers (and the demo's reader ``reader``, when there) their three shelves
    and a public list each, and have ``reader`` follow two; the number of records shelved."""
    users = get_user_model().objects.filter(username__in=[*READERS, DEMO_READER])
    by_name = {user.username: user for user in users}
    records = list(CatalogueRecord.objects.order_by("biblio_id"))
    made = 0
    with transaction.atomic():
        for username, reader in by_name.items():
            made += _fill_fixed_shelves(reader, records)
            name, description, language, shown = DEMO_LISTS.get(username, ("", "", "", ""))
            if name:
                made += _fill_list(reader, name, description, language, records)
            if shown and not reader.first_name:
                reader.first_name = shown
                reader.save(update_fields=["first_name"])
        if DEMO_READER in by_name:
            for followed in Shelf.objects.filter(
                owner__username__in=FOLLOWED_BY_READER, kind=Shelf.Kind.LIST, public=True
            ):
                ShelfFollow.objects.get_or_create(follower=by_name[DEMO_READER], shelf=followed)
    return made


def _fill_fixed_shelves(reader, records: list[CatalogueRecord]) -> int:
    """Read: the reader's best-rated records (or two, for a reader who rated none); reading:
    one more; want to read: three others."""
    if ShelfEntry.objects.filter(shelf__owner=reader, shelf__kind__in=Shelf.FIXED).exists():
        return 0
    shelves = fixed_shelves(reader)
    liked = list(
        Rating.objects.filter(reader=reader, stars__gte=4)
        .order_by("-stars", "record_id")
        .values_list("record_id", flat=True)[:4]
    )
    rated = set(Rating.objects.filter(reader=reader).values_list("record_id", flat=True))
    others = [r.pk for r in records if r.pk not in rated][reader.pk % 7 :][:6]
    placed = [(Shelf.Kind.READ, pk) for pk in liked or others[4:]]
    placed += [(Shelf.Kind.READING, pk) for pk in others[:1]]
    placed += [(Shelf.Kind.WANT, pk) for pk in others[1:]]
    ShelfEntry.objects.bulk_create(
        ShelfEntry(shelf=shelves[kind], record_id=pk) for kind, pk in placed
    )
    return len(placed)


def _fill_list(reader, name: str, description: str, language: str, records) -> int:
    shelf = Shelf.objects.filter(owner=reader, kind=Shelf.Kind.LIST, name_key=name_key(name))
    if shelf.exists():
        return 0
    made = create_list(reader, name, description, public=True)
    chosen = [r for r in records if not language or r.language == language][:ON_LIST]
    ShelfEntry.objects.bulk_create(ShelfEntry(shelf=made, record=r) for r in chosen)
    return len(chosen)
