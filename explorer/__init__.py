"""explorer: the people, meetings and quotes of news stories, in the terminal."""

__version__ = "0.1.0"

# Set by `explorer serve` in the environment of the explorer behind each browser tab, which then
# writes no file a browser names (export).
SERVED_VARIABLE = "EXPLORER_SERVED"
