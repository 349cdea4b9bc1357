"""Lesson pictures and tables: the helpers the numbered lessons call (each a function of DataFrames).

- :mod:`.charts`: the corpus at a glance (paragraph kinds, country mentions);
- :mod:`.levels`: the partnership ladder, counts by year, partner paths, seeds against the reference;
- :mod:`.maps`: the world map of partners; :mod:`.network`: partner, co-mention and forum graphs;
- :mod:`.trade`: trade series, growth and part-year arithmetic, and their charts;
- :mod:`.evidence`: a fact shown with its sentence (:func:`show_fact`).
- :mod:`.trust`: the kit scored against hand-made gold (lesson 04): outcomes, errors by kind, precision and
  recall; with :mod:`.trust_periods` (a fact's period, the translated "akan", the bound on a perfect score),
  :mod:`.trust_charts` and :mod:`.annotation` (a learner's own annotation of a paragraph, scored).
"""
