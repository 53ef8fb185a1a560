"""Reading: text -> typed values, the same way for claims and passages.

``quantities`` (numbers with units and qualifiers), ``dates`` (partial dates, relative ones
resolved), ``ranks``, ``places``, ``paraphrase`` (phrases that say what one word says),
``facts`` (all of it for one sentence: ``read_facts``), and what the stance checks compare
with it: ``align`` (which values are about the same thing), ``polarity`` (negations,
denials, opposites), ``subject``, ``effects``, ``assertion``; ``quotes`` (direct quotations
and their speakers) and ``worthiness`` (which sentences are checkable claims).
"""
