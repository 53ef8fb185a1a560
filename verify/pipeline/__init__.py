"""The three pipelines, each taking ``stance=`` and ``retriever=``.

``check`` (a claims file), ``audit`` (an article draft: its checkable sentences and its
quotations) and ``comments`` (reader comments, threaded; ``comment_judge`` judges one). All
three send each claim through ``claim_check.check_claim``: candidates from the retriever,
the stance of each, the verdict (``verify.verdict.decide``). ``parallel`` and ``cluster``
run ``check`` on every core or on a Dask cluster, with the same results.
"""
