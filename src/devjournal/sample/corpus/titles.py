"""Log entry titles, per kind, and the title-and-opening pairs of wins and teaching."""

from __future__ import annotations

ADVICE_TITLES = (
    "Write the decision down before the meeting, not after",
    "Say no to the third project this quarter",
    "Lead with the problem, not the solution, in the {project} doc",
    "Timebox the {tech} spike to two days",
    "Ask for the promotion criteria in writing",
    "Keep a brag document, starting with {topic}",
    "Pair with {team} before proposing changes to {system}",
    "Pick one metric for the {system} work and report it weekly",
    "Delegate the {project} status updates",
    "Practise the talk on {topic} out loud three times",
    "Read the {system} incident reviews from the last year",
    "Make the smallest possible PR first",
    "Schedule focus blocks before the week fills up",
    "Treat {topic} as a skill, not a talent",
    "Write down what done means before starting the {project}",
    "Turn recurring {system} pages into tickets with owners",
    "Share drafts at 30%, not 90%",
    "Find a sponsor, not just a mentor",
    "Stop rewriting other people's code in review",
    "Prepare three questions before every 1:1",
    "Learn {lang} by porting a small tool, not by reading",
    'Ask "what would change your mind?" in design reviews',
    "Let the team own the {project} demo",
)
CONVERSATION_TITLES = (
    "Coffee chat with {name} about {topic}",
    "1:1 with {name}: {topic}",
    "Walk-and-talk with {name}",
    "Call with {name} about the {project}",
    "Lunch with {name}: career paths after senior",
    "Monthly catch-up with {name}",
    "{Name} and I compared notes on {topic}",
    "Quick sync with {name} about {system} on-call",
    "Long chat with {name} about {lang}",
    "{Name} on switching teams",
)
LESSON_TITLES = (
    "{Name} on {topic}",
    "Notes from {name}'s talk on {topic}",
    "Podcast: {name} on {topic} trade-offs",
    "{Name}'s post: the hidden cost of {topic}",
    "{Name}'s newsletter: {topic} in practice",
    "What {name} gets right about {topic}",
    "{Name} on why {lang} is worth learning",
    "Rewatched {name}'s keynote on {topic}",
)
REFLECTION_TITLES = (
    "What I learnt from the {system} incident",
    "Looking back on the {project}",
    "Why {topic} still feels hard",
    "Friday notes: energy, focus and {topic}",
    "Week in review",
    "Am I spending enough time on {topic}?",
    "Halfway through the sprint: how it feels",
    "On saying no more often",
    "Three months of {lang}: honest assessment",
    "What the {team} re-org means for me",
    "Notes to self after a rough week",
    "Where my time went this month",
)
FEEDBACK_TITLES = (
    "Feedback from {name} on my {topic}",
    "{Name}'s feedback on the {project} RFC",
    "What {name} said about my code reviews",
    "{Name} on my incident write-up",
)
FEEDBACK_TITLES_ANON = (
    "Peer review notes: {topic}",
    "Mid-year review: themes",
    "Feedback after the {system} incident review",
    "360 feedback summary",
    "Manager feedback on the {project}",
    "Anonymous survey comments from {team}",
)
TAUGHT_PAIRS = (
    (
        "Taught {name} how we do {topic}",
        "Spent an hour with {name} on {topic}; explaining it showed me my own gaps.",
    ),
    (
        "Walked {name} through the {system} architecture",
        "Walked {name} through how a request flows through {system}, drawing as we went.",
    ),
    (
        "Pairing with {name}: first steps in {lang}",
        "Paired with {name} on a {lang} change; in return they showed me a few editor tricks.",
    ),
    (
        "Explained {tech} basics to {name}",
        "{Name} asked why we use {tech} at all, and my first answer was not crisp.",
    ),
    (
        "Reviewed {name}'s first design doc",
        "Went through {name}'s first design doc line by line. Better than my first one.",
    ),
    (
        "{Name} taught me back: {tech} shortcuts",
        "Reverse mentoring in action: {name} showed me how they use {tech} day to day.",
    ),
    (
        "Mock interview practice with {name}",
        "Ran a mock system design interview with {name}; we swapped roles halfway.",
    ),
    (
        "Helped {name} prepare for their first on-call week",
        "Went through the {system} runbook with {name} before their first on-call shift.",
    ),
)
WIN_PAIRS = (
    ("Shipped the {project}", "Finally shipped the {project} after three false starts."),
    (
        "{System} on-call week with zero pages",
        "A whole on-call week on {system} without a page; the alert clean-up paid off.",
    ),
    (
        "Talk on {topic} accepted at a meetup",
        "The meetup said yes to my talk on {topic}. Now I have to write it.",
    ),
    (
        "First {lang} PR merged into the main service",
        "Small one, but it counts: my first {lang} change is in production.",
    ),
    (
        "Cut {system} p95 latency by a third",
        "Two weeks of profiling paid off: {system} p95 is down by a third.",
    ),
    (
        "Closed a {system} incident in under 20 minutes",
        "Led the {system} incident from page to mitigation in under 20 minutes, calmly.",
    ),
    ("Got the {project} RFC approved", "The {project} RFC was approved with only minor comments."),
    (
        "New hire's first deploy in their first week",
        "The new hire in {team} deployed to production in their first week.",
    ),
    (
        "{Team} team adopted the review checklist",
        "The {team} team started using the review checklist without me asking.",
    ),
    (
        "Promotion packet submitted",
        "Submitted the promotion packet. Writing it showed me how much I did this year.",
    ),
    (
        "Blog post on {topic} published internally",
        "My post on {topic} went out on the engineering blog and got lots of replies.",
    ),
    ("Finished the {tech} course", "Finished the {tech} course, exercises included."),
    (
        "Thank-you note from the {team} team",
        "Got a thank-you message from {team} for the {system} fix.",
    ),
    ("The talk on {topic} went well", "The talk on {topic} went well. Good questions, too."),
)
FOLLOWUP_TITLES = ("Follow-up: {advice}", "Tried it: {advice}", "How it went: {advice}")
