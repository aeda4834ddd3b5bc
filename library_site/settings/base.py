"""Settings shared by every environment; whatever an operator may change comes from it."""

import os
from pathlib import Path

from library_site.settings import environment, error_reports, logs, media_storage

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("LIBRARY20_VAR_DIR", BASE_DIR / "var"))

ENV = os.environ

SECRET_KEY = environment.secret_key(ENV, required=False)
DEBUG = False
ALLOWED_HOSTS = environment.host_list(ENV, "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = environment.host_list(ENV, "CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "library_site.core",
    "library_site.search",
    "library_site.demo",
    "plugins.opac",
    "plugins.readers",
    "plugins.comments",
    "plugins.events",
    "plugins.exhibitions",
    "plugins.reference",
    "puput",
    "wagtailmarkdown",
    "wagtailmedia",
    # After puput: its ready() unhooks Puput's comment counter (plugins.blog.comment_counts).
    "plugins.blog",
    # django-comments-xtd before django_comments, as its quick start says.
    "django_comments_xtd",
    "django_comments",
    "allauth",
    "allauth.account",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",  # WhiteNoise serves static files under runserver too
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.sites",
    "django_rq",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Every log line a request causes carries its id; one line per request (not static files).
    "library_site.logs.request_lines.RequestLogMiddleware",
    # Outside the session and CSRF middleware: it sees every cookie a response sets.
    "library_site.core.page_cache.AnonymousPageCacheMiddleware",
    "library_site.core.site_lookup.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "library_site.urls"
WSGI_APPLICATION = "library_site.wsgi.application"
# The same site over ASGI (uvicorn), which also serves the live chat's websockets.
ASGI_APPLICATION = "library_site.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": environment.database(ENV, VAR_DIR / "library20.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": environment.cache(ENV)}
# How long anonymous readers' pages are served from the cache (library_site.core.page_cache):
# publishing forgets them at once; this bounds what changes with time alone. 0 turns it off.
PAGE_CACHE_SECONDS = environment.integer(ENV, "PAGE_CACHE_SECONDS", 300)
RQ_QUEUES = environment.job_queues(ENV)
SESSION_ENGINE = environment.sessions(ENV)
CHANNEL_LAYERS = environment.channel_layers(ENV)

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",  # the admin's username sign-in
    "allauth.account.auth_backends.AuthenticationBackend",  # readers: e-mail or username
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source; translations are made with wagtail-localize.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("ro", "Română"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = ENV.get("TIME_ZONE", "UTC")
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
# Uploaded files: the web server serves them in production; runserver and the demo do it here.
SERVE_MEDIA = False
# library20 demo resets the admin password: only settings made for it allow it.
DEMO_ALLOWED = False
# favicon.ico is asked for at the root of the site.
WHITENOISE_ROOT = PROJECT_DIR / "root_files"
STORAGES = {
    "default": media_storage.media_storage(ENV),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor can exceed Django's default of 1000 fields per form.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "library20"
WAGTAILADMIN_BASE_URL = ENV.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Wagtail's own search (pages, images, documents): the database's, or OpenSearch/Elasticsearch.
WAGTAILSEARCH_BACKENDS = {"default": environment.wagtail_search(ENV)}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "epub",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "vtt",
    "xlsx",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Video files (the library's own recordings) play in a <video> made on the site; other links are
# asked of their sites' oEmbed endpoints.
WAGTAILEMBEDS_FINDERS = [
    {"class": "plugins.events.embeds.VideoFileFinder"},
    {"class": "wagtail.embeds.finders.oembed"},
]
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # avatars from the internet break on a closed network

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin reads the token from the cookie.
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview panel frames the site.

globals().update(environment.email(ENV, default="console://"))
SERVER_EMAIL = ENV.get("SERVER_EMAIL", "library20@localhost")
DEFAULT_FROM_EMAIL = ENV.get("DEFAULT_FROM_EMAIL", SERVER_EMAIL)

# Reader accounts (django-allauth): sign in with the e-mail address (or a username, which sign-up
# does not ask for); the address is verified before the first sign-in.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "readers:account"
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False  # signing out is a POST: a link or an image cannot sign a reader out
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
# allauth's limits on its own forms; "10/m/ip" is 10 a minute from one address, "key" is the
# e-mail address or login typed in.
ACCOUNT_RATE_LIMITS = {
    "signup": "10/h/ip",
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
}
# The readers' own forms, in the same notation; "user" is the signed-in account. Card linking
# counts failed attempts only.
READERS_RATE_LIMITS = {
    "link_card": "5/15m/user,20/h/ip",
    "place_hold": "20/h/user",
    "registration": "5/h/ip",
    "rating": "60/h/user",  # plugins.opac: stars given, changed or removed
    "tag": "60/h/user",  # plugins.opac: tags added or removed
    "not_interested": "60/h/user",  # plugins.opac: titles hidden from or back in recommendations
    "shelf": "120/h/user",  # plugins.opac: records shelved, lists made, changed, followed
    "suggestion": "10/h/user,30/h/ip",  # plugins.opac: purchase suggestions sent
    "comment": "20/h/user,30/h/ip",  # plugins.comments: comments and replies posted (or previewed)
    "comment_feedback": "120/h/user,120/h/ip",  # plugins.comments: likes, dislikes, flags
    "question": "5/h/user,10/h/ip",  # plugins.reference: questions asked
    "reference_reply": "30/h/user,30/h/ip",  # plugins.reference: replies in a thread
    "faq_vote": "30/h/ip",  # plugins.reference: "was this helpful?" answers
    "service_feedback": "10/h/user,20/h/ip",  # plugins.reference: ratings and suggestions
    "chat": "10/h/ip",  # plugins.reference: live chats started
    "chat_message": "60/m/ip",  # plugins.reference: lines said in a live chat
}
# plugins.comments counts posts, likes and flags with the readers' limits above.
COMMENTS_RATE_LIMITER = "plugins.readers.ratelimits"
# Koha's OPAC refuses holds to a patron owing more than its maxoutstanding preference (5 by
# default); the site places holds through the staff API, which does not check, so it does.
READERS_HOLD_DEBT_LIMIT = 5.0
# Online registration: the Koha patron category of provisional patrons, confirmed at the desk.
KOHA_SELF_REGISTRATION_CATEGORY = (
    ENV.get("KOHA_SELF_REGISTRATION_CATEGORY", "").strip() or "SELFREG"
)

# Koha: ``sandbox:`` is the embedded Koha-compatible ILS; a URL points at a real Koha.
KOHA = environment.koha(ENV, VAR_DIR)

# The catalogue's pages (plugins.opac): covers, and availability read live from Koha.
# The engine of the catalogue's search: the database's own full-text search unless a dotted path
# to another backend (an OpenSearch one for a library network, say) is given.
CATALOGUE_SEARCH_BACKEND = ENV.get(
    "CATALOGUE_SEARCH_BACKEND", "plugins.opac.search.backends.DatabaseBackend"
)
# How long a search's total and facet counts are reused (its next pages, the whole catalogue's
# counts) while no sync has changed the catalogue; 0 counts every time.
CATALOGUE_SEARCH_CACHE_SECONDS = environment.integer(ENV, "CATALOGUE_SEARCH_CACHE_SECONDS", 600)
# Minutes between incremental catalogue syncs run by ``library20 schedule`` (0: none).
CATALOGUE_SYNC_MINUTES = environment.schedule_minutes(ENV, "CATALOGUE_SYNC_MINUTES", 15)
CATALOGUE_COVER_URL = environment.cover_url(ENV)  # e.g. https://covers.example/{isbn13}.jpg
CATALOGUE_AVAILABILITY_TIMEOUT = environment.seconds(ENV, "CATALOGUE_AVAILABILITY_TIMEOUT", 3.0)
CATALOGUE_AVAILABILITY_CACHE_SECONDS = environment.integer(
    ENV, "CATALOGUE_AVAILABILITY_CACHE_SECONDS", 60
)
CATALOGUE_LIBRARIES_CACHE_SECONDS = environment.integer(
    ENV, "CATALOGUE_LIBRARIES_CACHE_SECONDS", 3600
)

# Comments (plugins.comments over django-comments-xtd); django.contrib.sites names the library in
# comment and allauth e-mails and builds their confirmation and mute links.
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENT_MAX_LENGTH = 3000
# Replies nest this deep unless a model registers its own depth (plugins.comments.registry).
COMMENTS_XTD_MAX_THREAD_LEVEL = 2
COMMENTS_XTD_MAX_THREAD_LEVEL_BY_APP_MODEL = {}  # filled by plugins.comments.registry
# Anonymous comments appear only once confirmed from the e-mail address given.
COMMENTS_XTD_CONFIRM_EMAIL = True
COMMENTS_XTD_FROM_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_CONTACT_EMAIL = DEFAULT_FROM_EMAIL
# Follow-up notifications: off until the commenter asks; every one carries a mute link.
COMMENTS_XTD_DEFAULT_FOLLOWUP = False
COMMENTS_XTD_THREADED_EMAILS = True
COMMENTS_XTD_SEND_HTML_EMAIL = False  # plain text: the templates in plugins/comments
COMMENTS_XTD_SALT = ENV.get("COMMENTS_XTD_SALT", "library20-comments").encode()
COMMENTS_XTD_FORM_CLASS = "plugins.comments.forms.CommentForm"
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    # Models registered with plugins.comments add their own entries.
    "default": {
        "who_can_post": "all",
        "allow_flagging": True,
        "allow_feedback": True,
        "show_feedback": True,
    }
}

# Ask a librarian (plugins.reference): a question waiting longer than the first number of hours
# shows amber in the queue, longer than the second red.
REFERENCE_SLA_HOURS = (24, 48)
# Besides the librarians who may answer, a shared mailbox told of every new question.
REFERENCE_NOTIFY_EMAIL = ENV.get("REFERENCE_NOTIFY_EMAIL", "").strip()
# When the live chat is offered besides a librarian on duty: the library's opening hours.
REFERENCE_OPENING_HOURS = "library_site.core.opening_hours.library_is_open"

# The blog (plugins.blog): Puput inside this site's own URLs, its pages subclassed per language.
PUPUT_AS_PLUGIN = True
# Blog feeds carry each post's whole text (True) or its excerpt (False).
BLOG_FEED_FULL_TEXT = environment.flag(ENV, "BLOG_FEED_FULL_TEXT", False)
WAGTAILMEDIA = {"MEDIA_MODEL": "wagtailmedia.Media"}

# /healthz shows each check's result to a request with "Authorization: Bearer <this>" (and to
# staff signed in); without it, only to staff.
HEALTHZ_TOKEN = ENV.get("HEALTHZ_TOKEN", "").strip()

LOGGING = logs.logging_config(ENV)
# Errors to Sentry when SENTRY_DSN is set; nothing is sent otherwise.
error_reports.start_sentry(ENV)
