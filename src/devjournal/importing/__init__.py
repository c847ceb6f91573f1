"""Reading other files into the journal: a devjournal export, jrnl, Day One."""
