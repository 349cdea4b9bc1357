"""Finding facts: country mentions, partnership levels, dated events and figures in sentences.

- :mod:`.vocabulary`: every word list the rules use, once (level names, event words, currencies,
  months, relative-time words, modality cues); regexes and quick prefilters are built from it;
- :mod:`.context`: what every rule needs around a sentence (clauses, countries, the article's date);
- :mod:`.mentions`: country names; :mod:`.dates`: dates; :mod:`.numbers`: Indonesian numbers;
- :mod:`.partnerships`, :mod:`.events`, :mod:`.figures`: the three fact tables; :mod:`.event_acts`: which
  act a date is of; :mod:`.news_of_day`: acts dated by their article;
  :mod:`.partnership_events`: a level set or raised as an event; :mod:`.modality`: stated, planned, aim;
- :mod:`.extract`: runs them all on a corpus' fact-bearing sentences.
"""
