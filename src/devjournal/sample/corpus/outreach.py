"""Outreach: why a prospective mentor or coach, what for, what is asked, where to talk,
and how we converse with a mentor (topics, boundaries)."""

from __future__ import annotations

WHY_MENTOR = (
    "They led the platform migration I keep reading about, and write about it honestly.",
    "Their talk on staff-level influence was the clearest I have heard.",
    "They moved from engineering into architecture without losing touch with the code.",
    "Colleagues say they give direct, kind feedback on career decisions.",
    "They built the on-call culture at a company twice our size.",
    "They have mentored three people I admire into staff roles.",
)
WHY_COACH = (
    "They coach engineers on presenting to executives, with a clear method.",
    "A friend worked with them on delegation and saw results within a quarter.",
    "They specialise in new engineering managers in their first year.",
    "Their sessions are short, focused and measured against goals.",
)
PURPOSE_MENTOR = (
    "I want to understand what the step to staff engineer really asks.",
    "I want a sounding board for the next two years of my career.",
    "I want to learn how decisions are made above my team.",
    "I want to grow a network outside my company.",
    "I want to learn the unwritten rules of architecture reviews.",
)
PURPOSE_COACH = (
    "I want to present design reviews with confidence.",
    "I want to delegate without losing quality.",
    "I want to cut the time my reviews take by half.",
    "I want to run better one-to-ones with my reports.",
)
ASK = (
    "Would you be open to a 30-minute call once a month for the next six months?",
    "Could we meet for a coffee once a quarter?",
    "Would you answer a few questions in writing every other week?",
    "Could we try three sessions and see whether it helps?",
    "Would you review one design document of mine each month?",
)
CHANNELS = ("Zoom", "Google Meet", "Teams", "email", "the phone", "Slack")
TOPICS = (
    "career steps, architecture reviews",
    "influence without authority, writing",
    "on-call, incident reviews",
    "promotion packets, visibility",
    "new technology I teach them, what their team struggles with",
    "hiring, running a team",
)
BOUNDARIES = (
    "Not during their sprint reviews; they prefer a note a day ahead.",
    "Nothing about my current employer's confidential plans.",
    "Reschedule by email, not chat.",
    "Weekday mornings only.",
    "",
    "",
)
NOTES = (
    "Met at a meetup; they said to write.",
    "Introduced by my manager.",
    "",
    "",
    "Found through their blog.",
)
