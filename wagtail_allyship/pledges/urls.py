"""The addresses below each pledge page type, and the view that serves each of them.

A page type names its list in ``subpage_urls`` (see
:class:`wagtail_allyship.content.pages.RoutedPageMixin`); the names are those that
``page.reverse_subpage()`` and the templates use.
"""

from django.urls import path

from wagtail_allyship.pledges.photos import views as photos
from wagtail_allyship.pledges.views import mine, pledge, sign, signup, wall

pledge_page = [
    path("", pledge.pledge_form, name="pledge_form"),
    path("sign-up/", signup.sign_up, name="sign_up"),
    path("saved/", pledge.pledge_saved, name="saved"),
]

pledge_wall_page = [
    path("", wall.pledge_wall, name="wall"),
    path("<int:pledge_id>/", wall.pledge_detail, name="pledge_detail"),
    path("<int:pledge_id>/photo/", photos.wall_photo, name="pledge_photo"),
]

my_allyship_page = [
    path("", mine.my_allyship, name="overview"),
    path("my-data/", mine.download_my_data, name="download"),
    path("my-data/csv/", mine.download_my_data_csv, name="download_csv"),
    path("reminders/", mine.set_reminders, name="reminders"),
    path("pledges/<int:pledge_id>/delete/", mine.delete_pledge, name="delete_pledge"),
    path("commitments/<int:commitment_id>/progress/", mine.log_progress, name="log_progress"),
    path("sign/", sign.pledge_sign, name="pledge_sign"),
    path("sign/svg/", sign.pledge_sign_download, name="pledge_sign_svg"),
    path("sign/photo/", photos.sign_photo, name="sign_photo"),
    path("sign/photo/image/", photos.sign_photo_image, name="sign_photo_image"),
    path("sign/photo/remove/", photos.remove_sign_photo, name="sign_photo_remove"),
]
