"""The pieces of bench/bench.py: project variants, timed builds, page weights, Lighthouse, the report."""
