"""The sample journal's corpus: the fixed words, names and phrases it is written from.

Data only, no logic. Strings may hold ``{slots}`` (``{system}``, ``{lang}``, ``{topic}``,
``{name}``...) that the generator fills from a context it draws (see ``sample/text.py``).
Changing anything here changes every sample journal; the generator's draws stay the same
only while each bank keeps its length.
"""
