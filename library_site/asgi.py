"""ASGI entry point (uvicorn): the site over HTTP and the live chat over websockets; production
settings unless DJANGO_SETTINGS_MODULE says otherwise."""

from django.core.asgi import get_asgi_application

from library_site.manage import configure
from library_site.serving.uvicorn_options import quiet_static_file_warning

configure("library_site.settings.production")
quiet_static_file_warning()
# Django first: the chat's routes import models, which need the apps loaded.
django_application = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from plugins.reference.chat.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_application,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)
