"""Admin views of wagtail-allyship that are not plain snippet or page views."""
