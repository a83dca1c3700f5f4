"""explorer: the people, meetings and quotes of news stories, in the terminal."""

__version__ = "0.1.0"
