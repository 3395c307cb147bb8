"""Front-end forms of wagtail-allyship, one module per domain."""
