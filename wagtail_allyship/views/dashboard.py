"""The coordinator dashboard: a panel on the admin home page and the report views it links to."""
