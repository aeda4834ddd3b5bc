"""Production: refuses to start without a secret key, the host names it serves and a real Koha."""

from library_site.settings import environment
from library_site.settings.base import *  # noqa: F403
from library_site.settings.base import ENV, KOHA

DEBUG = False
SECRET_KEY = environment.secret_key(ENV, required=True)
ALLOWED_HOSTS = environment.host_list(ENV, "ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    raise environment.SettingError(
        "ALLOWED_HOSTS", "is not set; list the host names the site answers to, comma-separated"
    )
environment.require_real_koha(ENV, KOHA)
globals().update(environment.email(ENV, default="smtp://localhost:25"))

# Behind a TLS-terminating proxy: the header it sets to "https" (and never passes on from clients).
SECURE_PROXY_SSL_HEADER = environment.proxy_ssl_header(ENV)
SECURE_SSL_REDIRECT = environment.flag(ENV, "SECURE_SSL_REDIRECT", True)
# Load balancers and monitors probe the site itself over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"  # links in reader mail
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = environment.integer(ENV, "SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = environment.flag(ENV, "SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = environment.flag(ENV, "SECURE_HSTS_PRELOAD", False)
# X_FRAME_OPTIONS is SAMEORIGIN, not DENY, on purpose: Wagtail's preview panel frames the site.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Hashed names (cached for ever by browsers) and gzip/brotli copies, served by WhiteNoise.
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
)
