"""`make bench`: timed figures against their targets, written to bench/report.md."""
