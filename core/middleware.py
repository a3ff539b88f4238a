from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Send the site's Content-Security-Policy on public pages.

    The Wagtail admin relies on inline scripts and styles, so it is left to its own defaults.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/admin/"):
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response
