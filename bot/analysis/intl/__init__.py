"""Rules for news in the languages sovereign AI is announced in, besides English.

Each part of the analysis has one entry point here taking the article's language code
(`ja`, `ko`, `fr`, `de`, `es`, `pt`, `it`), so the pipeline reads the same for every
language and a language's words live in one place per part: quote marks and verbs of
saying for quotes, scale words and currencies for figures, native names and state bodies
for countries, the vocabulary of sovereign AI for relevance.
"""
