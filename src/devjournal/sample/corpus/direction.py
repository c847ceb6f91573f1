"""Words for the sample direction: where the author wants to be in one, three and five
years, each with a line of detail."""

ONE_YEAR = (
    ("Own the on-call rotation of my team", "Run it, improve the runbooks, mentor newcomers."),
    ("Lead a project end to end", "From the first design doc to the launch review."),
    ("Give a talk at the internal tech day", "Twenty minutes, on something we shipped."),
    ("Review code the team waits for", "Reviews within a day, with comments people use."),
    ("Write design docs others build on", "Two docs a quarter that survive review."),
    ("Be the go-to person for our data pipeline", "Questions about it come to me first."),
    ("Estimate within a week on my own work", "Ranges I can stand behind, said early."),
)
THREE_YEARS = (
    ("Staff engineer", "Set technical direction across two or three teams."),
    ("Tech lead of a team of six", "Own the roadmap with the product manager."),
    ("Known for reliability work in the company", "Incident reviews people quote."),
    ("Speak at a public conference", "A talk accepted on merit, not a sponsor slot."),
    ("Mentor three engineers to their next level", "Each one promoted with my help."),
    ("Move into platform engineering", "Build what other teams build on."),
)
FIVE_YEARS = (
    ("Principal engineer, or an engineering manager I would want", "Decide by year three."),
    ("Shape how a company builds software", "Practices that outlast my time there."),
    ("Write a book, or a course, on what I know best", "Something people learn from."),
    ("Lead an engineering organisation of thirty", "A place people want to stay."),
    ("Work four days a week and still grow", "Time for family and for deep work."),
)
