"""Inputs: what a run reads, as plain objects.

``claims`` (CSV, TSV, text, stdin -> ``Claim``), ``sources`` (files and folders with front
matter -> ``Source``; discovery apart from loading), ``passages`` (a source -> sentence
``Passage``s with exact offsets and lines), ``drafts`` (an article draft -> plain text for
the audit), ``comments`` (comment exports -> ``Comment``), ``comment_page`` and
``comment_markup`` (an article page's comment section). A new source type is a loader in
``sources``; URLs are fetched by ``verify.web`` first.
"""
