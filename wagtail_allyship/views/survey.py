"""Survey results in the Wagtail admin, shown only in aggregate."""
