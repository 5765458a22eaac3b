"""The message tables, one module per area: ``MESSAGES = {id: (dansk, english)}``."""
