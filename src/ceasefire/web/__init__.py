"""The offline dashboard: static assets and the router that serves them."""
