"""The German language for the text heuristics: words, inflection, sentences, numbers, dates, linear search."""
