"""Steps 3 to 6 of the sample event: themes, dots, cause trees, success statements, actions."""

from __future__ import annotations

import random

from sample_reviews import Statement

LEAVE_ON_THE_WALL = 0.12  # share of themable statements the group did not put in a theme

THEMES = [
    ("t_staff", "Knowing who supports me",
     "I know who is coming to support me and they know me well"),
    ("t_evenings", "Getting out in the evenings",
     "I can go out in the evenings and get home safely, like anyone else"),
    ("t_asked", "Being asked, not told",
     "People ask me first and I have a say in decisions about my life"),
    ("t_health", "Being listened to about my health",
     "Doctors and nurses talk to me and listen to what I tell them"),
    ("t_money", "Understanding my money",
     "I understand my money and I know who to ask for help with it"),
    ("t_weekends", "Friends and weekends", "I have friends and people to see, at weekends too"),
    ("t_keystaff", "Staff who know me well", "The people who support me know me and I trust them"),
    ("t_activities", "Things I love doing", "I spend my days doing things I enjoy"),
    ("t_home", "My home, my way",
     "I live in a home I like, with my own space, and I do more for myself"),
    ("t_work", "Work, volunteering and learning", "I can work, volunteer and learn new things"),
]

# Step 3: five voters, three dots each, on themes that are mostly about what is not working.
THEME_DOTS = {
    "Table 1": ["t_staff", "t_evenings", "t_asked"],
    "Table 2": ["t_staff", "t_evenings", "t_health"],
    "Table 3": ["t_staff", "t_asked", "t_money"],
    "Table 4": ["t_staff", "t_evenings", "t_health"],
    "Big screen": ["t_staff", "t_evenings", "t_asked"],
}

# Step 4: why-chains under the three themes with the most dots. (key, theme, parent, text)
CAUSES = [
    ("c1", "t_staff", None,
     "Experienced staff are leaving and the gaps are filled by agency workers"),
    ("c1a", "t_staff", "c1",
     "Support worker pay is below what the supermarkets and local care homes offer"),
    ("c1a1", "t_staff", "c1a",
     "The hourly rate in the contract has not kept pace with the real living wage"),
    ("c1b", "t_staff", "c1",
     "New starters leave in their first three months because induction is rushed"),
    ("c2", "t_staff", None, "Rotas are drawn up a week at a time and changed at short notice"),
    ("c2a", "t_staff", "c2",
     "People get no rota they can understand, so every change comes as a surprise"),
    ("c3", "t_evenings", None, "Support hours are mostly booked between 9am and 5pm"),
    ("c3a", "t_evenings", "c3",
     "Support plans were written around day centre hours, not people's social lives"),
    ("c4", "t_evenings", None, "Getting anywhere after 6pm depends on taxis people can't afford"),
    ("c4a", "t_evenings", "c4",
     "Community transport stops at 6pm and the buses to the estates stop at 7pm"),
    ("c4b", "t_evenings", "c4",
     "Few people have been offered travel training or a companion bus pass"),
    ("c5", "t_asked", None, "Decisions are made in meetings the person is not part of"),
    ("c5a", "t_asked", "c5", "Meetings are set at times and places that suit professionals"),
    ("c5a1", "t_asked", "c5a", "Nobody checks beforehand how the person wants to take part"),
    ("c6", "t_asked", None, "Letters, plans and minutes are not written in easy read"),
    ("c7", "t_asked", None, "Staff decide for people to avoid risk or to save time"),
    ("c7a", "t_asked", "c7",
     "Training covers rules and risk more than choice and positive risk-taking"),
]
CAUSE_DOTS = {
    "Table 1": ["c1a", "c2a", "c5a1"],
    "Table 2": ["c1a", "c4b", "c7a"],
    "Table 3": ["c1a1", "c2a", "c5a1"],
    "Table 4": ["c1a", "c3a", "c4b"],
    "Big screen": ["c1b", "c5a1", "c6"],
}

# Step 5: what success looks like, in several voices. (key, theme, cause, perspective, text)
SUCCESS = [
    ("s1", "t_staff", "c2a", "person",
     "I know who is coming to support me each day because I have a picture rota"),
    ("s2", "t_staff", "c1", "family",
     "I can ring the house and whoever answers knows my son well"),
    ("s3", "t_staff", "c1b", "staff",
     "We have time to get to know people before we support them on our own"),
    ("s4", "t_staff", "c1a", "provider",
     "We keep our staff because we pay fairly and people want to stay"),
    ("s5", "t_staff", "c1a1", "commissioner",
     "We set a contract rate that lets providers pay at least the real living wage"),
    ("s6", "t_evenings", "c3a", "person",
     "I go out in the evenings when I want, like my friends do"),
    ("s7", "t_evenings", "c4a", "family",
     "I don't have to drive my daughter to every evening club"),
    ("s8", "t_evenings", "c3a", "staff",
     "We plan support hours around what people want to do, evenings included"),
    ("s9", "t_evenings", "c4a", "commissioner",
     "We make sure there is transport people can use after 6pm"),
    ("s10", "t_asked", "c5a1", "person", "I am at my meetings and people ask me first"),
    ("s11", "t_asked", "c5", "family",
     "I am asked before decisions are made, and so is my brother"),
    ("s12", "t_asked", "c7a", "staff",
     "We ask, offer real choices and support people to take reasonable risks"),
    ("s13", "t_asked", "c6", "provider",
     "We write every plan and letter in easy read, with the person"),
    ("s14", "t_asked", "c5a", "commissioner", "We hold reviews where and when the person chooses"),
]

# Step 6: actions, each answering a theme, a cause and a success statement.
# (key, success, theme, cause, text, owner, due, status)
ACTIONS = [
    ("a1", "s1", "t_staff", "c2a",
     "Make a picture rota for each house, shared every Friday for the week ahead, with photos "
     "of who is on each shift",
     "Registered manager, supported living", "2027-01-31", "in progress"),
    ("a2", "s5", "t_staff", "c1a1",
     "Review the hourly rate in the supported living contract against the real living wage "
     "and report to the commissioning board",
     "Commissioning officer, learning disability", "2027-03-31", "not started"),
    ("a3", "s3", "t_staff", "c1b",
     "Lengthen induction so new starters shadow for two weeks and meet each person before "
     "working alone",
     "Learning and development lead", "2027-02-28", "not started"),
    ("a4", "s8", "t_evenings", "c3a",
     "Ask about evenings and weekends at every review and move support hours to match",
     "Day services manager", "2027-04-30", "not started"),
    ("a5", "s9", "t_evenings", "c4a",
     "Pilot evening community transport until 10pm on Fridays and Saturdays",
     "Transport commissioning lead", "2027-06-30", "not started"),
    ("a6", "s6", "t_evenings", "c4b",
     "Offer travel training and a companion bus pass to everyone who wants them",
     "Travel training coordinator", "2027-05-31", "in progress"),
    ("a7", "s10", "t_asked", "c5a1",
     "Use a one-page 'my meeting' plan before each review so the person chooses where, when "
     "and who comes",
     "Team manager, adult social care (learning disability)", "2027-02-28", "done"),
    ("a8", "s13", "t_asked", "c6",
     "Set up an easy-read checking group of people who use the service, paid for their time",
     "Co-production lead", "2027-03-31", "in progress"),
    ("a9", "s12", "t_asked", "c7a",
     "Add positive risk-taking and offering choices to staff training and supervision",
     "Learning and development lead", "2027-09-30", "not started"),
]


def worked_example(rng: random.Random, statements: list[Statement]) -> dict:
    themed: dict[str, list[dict[str, str]]] = {key: [] for key, _, _ in THEMES}
    for s in statements:
        if s.theme is not None and rng.random() >= LEAVE_ON_THE_WALL:
            themed[s.theme].append(s.ref)
    return {
        "workshop_name": "Riverside supported living — spring review event",
        "dots_per_voter": 3,
        "themes": [
            {"key": key, "name": name, "i_statement": i_statement, "statements": themed[key]}
            for key, name, i_statement in THEMES
        ],
        "theme_votes": [
            {"voter": voter, "theme": theme} for voter, dots in THEME_DOTS.items() for theme in dots
        ],
        "causes": [
            {"key": key, "theme": theme, "parent": parent, "text": text}
            for key, theme, parent, text in CAUSES
        ],
        "cause_votes": [
            {"voter": voter, "cause": cause} for voter, dots in CAUSE_DOTS.items() for cause in dots
        ],
        "success_statements": [
            {"key": key, "theme": theme, "cause": cause, "perspective": perspective, "text": text}
            for key, theme, cause, perspective, text in SUCCESS
        ],
        "actions": [
            {"key": key, "success": success, "theme": theme, "cause": cause, "text": text,
             "owner": owner, "due": due, "status": status}
            for key, success, theme, cause, text, owner, due, status in ACTIONS
        ],
    }
