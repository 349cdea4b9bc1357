"""Reading text: files into decoded text, paragraphs (with their kind), sentences and article metadata.

- :mod:`.reading`: a file's bytes to checked, decoded text (:func:`read_article`);
- :mod:`.manifest`: the optional ``manifest.csv`` beside the articles;
- :mod:`.paragraphs`: paragraphs and their kind (title, body, caption, boilerplate), duplicates;
- :mod:`.sentences`: sentences of a paragraph;
- :mod:`.metadata`: title, outlet, address and date of an article, where its text states them.
"""
