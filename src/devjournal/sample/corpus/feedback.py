"""Words for the details of sample feedback: themes that recur, where it was given, how
the user read it and what they did about it."""

THEMES = (
    ("communication", 5),
    ("estimation", 4),
    ("code review", 3),
    ("delegation", 3),
    ("written updates", 2),
    ("stakeholders", 2),
    ("public speaking", 2),
    ("incidents", 1),
)
"""Each theme and how often it comes up, relative to the others."""

GIVEN_BY = (
    "My manager",
    "A teammate",
    "My skip-level",
    "The product manager",
    "Peer reviewers",
    "A customer",
)

CONTEXTS = (
    "In my mid-year review",
    "In our weekly 1:1",
    "After the design review",
    "On my pull request",
    "In the sprint retro",
    "After the incident review",
    "In the 360 survey",
    "After my demo",
)

READINGS = {
    "communication": "I assume people have the context I have. They don't.",
    "estimation": "I give the best case as the estimate; I should give a range.",
    "code review": "My reviews read as orders; questions would land better.",
    "delegation": "I keep the interesting work and hand over only the chores.",
    "written updates": "My updates bury the decision under the detail.",
    "stakeholders": "I bring stakeholders in once the plan is set, too late to shape it.",
    "public speaking": "I rush when I am nervous, and the room loses the thread.",
    "incidents": "I fix first and tell people later; they want to hear early.",
}

DONE = {
    "communication": "Start every design doc with a one-paragraph context section.",
    "estimation": "Estimates now go out as a range with the main risk named.",
    "code review": "Rewrote my review comments as questions for a month.",
    "delegation": "Handed the Q3 migration lead to a teammate and coached instead.",
    "written updates": "Weekly update starts with the decision, then the detail.",
    "stakeholders": "Invite stakeholders to the problem statement, not the plan.",
    "public speaking": "Rehearsed twice with a timer before the next demo.",
    "incidents": "Post a first status note within 15 minutes of paging.",
}
