"""The platforms' own help pages for reporting, blocking and removal: data/platforms.csv, read and
checked (`pages`), and the page "Report it on the app" that is built from it (`render`)."""
