"""Reports: the registry (``reports.py``) that the command line and the window share, each
report's data (read through the services, the privacy rule applied) and its writers (pure:
plain data in, a file's bytes out; no storage, no widgets)."""
