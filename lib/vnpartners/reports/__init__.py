"""Partner reports: the papermill template run per partner and exported to offline HTML pages.

- :mod:`.page`: the pieces of one page (tables, charts, HTML fragments) the template calls;
- :mod:`.runner`: rendering the reports: workers, retries, ``_failed/``, the index page;
- :mod:`.command`: the ``vnpartners report`` command line (options, checks, messages, exit codes);
- :mod:`.kernels`: one warm kernel per worker, killed at once when a run stops;
- :mod:`.control`: a run's own work folder, Ctrl-C, the record of what was rendered, the cap on jobs;
- :mod:`.sanitise`: every page cleaned and cut to size, whatever its template prints;
- :mod:`.notebooks`: executing a notebook and exporting it to HTML, written atomically.
"""
