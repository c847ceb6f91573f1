"""Coaching sessions: agendas, notes, questions, insights and action items."""

from __future__ import annotations

AGENDA = (
    "Review the check-ins for *{goal}*",
    "What is blocking *{goal}*",
    "Action items from last time",
    "Energy and workload check",
    "Prepare for the {project} review",
    "Feedback I received this week",
    "Plan the next two weeks",
    "Is the sprint focus still right?",
    "Rehearse the conversation with my manager",
    "Stakeholder map for the {project}",
    "How to say no to the extra project",
    "Progress on *{goal}* vs. the plan",
)
SESSION_NOTES = (
    "We spent most of the time on *{goal}*; progress is real but slower than planned.",
    "My coach asked what I would do if I had half the time. Good question.",
    "Talked through the {project}; I'm avoiding the hard conversation with {team}.",
    "Energy is low this month. We agreed to drop one commitment rather than push through.",
    "The check-ins show a plateau; we looked at what changed in week three.",
    "Role-played the feedback conversation twice. The second version was much calmer.",
    "Reviewed last session's actions: most done, one quietly forgotten.",
    "We looked at where my week actually goes. Meetings ate 40% of it.",
    "Good session. I came in frustrated and left with a plan.",
    "Discussed whether the target is still right; kept it, changed the approach.",
)
QUESTIONS = (
    (
        "What would have to be true for {goal} to be done by the deadline?",
        "Two uninterrupted mornings a week, and the team agreeing on what done means.",
    ),
    ("What did you avoid this week, and why?", "Asking for help early; I wanted to look ready."),
    (
        "If you could only keep one habit from this sprint, which one?",
        "Writing the plan down before the week starts.",
    ),
    ("What is the smallest next step?", "Book thirty minutes with my manager this week."),
    (
        "Who else would notice if this goal succeeded?",
        "The on-call rotation, and whoever joins the team next.",
    ),
    ("What are you tolerating that you shouldn't?", "Meetings without an agenda."),
)
INSIGHTS = (
    "I say yes too fast when someone senior asks.",
    "Progress is better measured weekly than daily.",
    "Writing the update first clarifies what I actually did.",
    "The blocker is a decision, not a task.",
    "I prepare well for technical work and not at all for conversations.",
    "Asking for help early is cheaper than explaining a delay later.",
    "Small visible wins keep the motivation up.",
    "My calendar reflects other people's priorities, not mine.",
    "Naming the trade-off out loud makes the decision easier for everyone.",
)
CANCELLED_NOTES = (
    "Cancelled: coach was ill.",
    "Cancelled: production incident.",
    "Moved out of the sprint after a clash with the offsite.",
    "Cancelled: holiday.",
)
ACTIONS = (
    "Book a pairing session on {lang} with a reviewer",
    "Draft the {project} one-pager and share it with {team}",
    "Write down three examples of {topic} for the promotion packet",
    "Ask {team} for feedback on the on-call handover",
    "Block two review slots a day in the calendar",
    "Read the {system} incident reviews from last quarter",
    "Prepare five slides for the {guild} guild",
    "Schedule a skip-level 1:1",
    "Turn the noisiest {system} alert into a runbook entry",
    "Measure the baseline for {metric}",
    "Send the weekly stakeholder update on Friday",
    "Try the suggested approach to {topic} for two weeks",
    "Find a volunteer to co-run the next retro",
    "Fix or delete the flaky tests in the {system} suite",
    "Update the career document with this month's wins",
    "Ask my manager what 'exceeds' looks like for {metric}",
    "Write a short decision record for the {project}",
    "Say no to one meeting a week",
)
