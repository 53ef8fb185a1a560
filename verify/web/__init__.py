"""The web: URLs -> archived source documents.

``fetch`` (the HTTP side, concurrent and polite), ``netpolicy`` (where it may connect:
no private addresses, robots.txt), ``archive`` (every raw body kept, so a check re-runs on
the same bytes) and ``extract`` (bytes -> article text and metadata -> a document on disk).
"""
