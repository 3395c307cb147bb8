"""The example intranet as gunicorn serves it to the browser journeys, static files included.

Wagtail's admin needs its CSS and JavaScript; ``StaticFilesHandler`` serves them from the
installed apps (as ``runserver`` and pytest-django's ``live_server`` do), so no
``collectstatic`` step is needed.
"""

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.wsgi import get_wsgi_application

application = StaticFilesHandler(get_wsgi_application())
