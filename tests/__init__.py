"""Test suites of news monitor."""
