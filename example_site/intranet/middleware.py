"""An intranet is closed (every page needs a logged-in user, except the ways in) and strict
about what its pages may load (Content-Security-Policy)."""

from dataclasses import replace

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib.auth.views import redirect_to_login

ADMIN_PREFIX = "/admin/"
# The one-click unsubscribe address of the reminder emails is open too: mail clients post to
# it without a session, and its signed link is its own permission.
OPEN_PREFIXES = (ADMIN_PREFIX, "/accounts/", "/static/", "/media/", "/allyship/email/")


class IntranetLoginRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated or request.path.startswith(OPEN_PREFIXES):
            return self.get_response(request)
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)


class IntranetCSPMiddleware(CSPMiddleware):
    """The strict policy of ``CONTENT_SECURITY_POLICY`` everywhere but in Wagtail's admin.

    The intranet's pages and the package's templates need no inline script or style. Wagtail's
    admin still has inline scripts and styles of its own (wagtail/wagtail#1288), so on its
    pages, and there only, both are allowed; everything else stays as strict.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(ADMIN_PREFIX) and not report_only:
            update = dict(parts.update or {})
            for directive in ("script-src", "style-src"):
                update[directive] = [*update.get(directive, []), UNSAFE_INLINE]
            parts = replace(parts, update=update)
        return parts
