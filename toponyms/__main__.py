"""`python -m toponyms` runs the command line."""

from toponyms.cli import run

run()
