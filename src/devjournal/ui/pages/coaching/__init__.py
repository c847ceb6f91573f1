"""The parts of the Coaching page: the sprint list, the quick check-ins of the goal cards,
and the sessions and actions of a sprint. ``coaching_page.CoachingPage`` puts them
together with the sprint's detail."""
