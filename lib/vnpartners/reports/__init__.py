"""Partner reports: the papermill template run per partner and exported to offline HTML pages.

- :mod:`.page`: the pieces of one page (tables, charts, HTML fragments) the template calls;
- :mod:`.runner`: ``vnpartners report``: workers, warm kernels, retries, the index page;
- :mod:`.notebooks`: executing a notebook and exporting it to HTML, written atomically.
"""
