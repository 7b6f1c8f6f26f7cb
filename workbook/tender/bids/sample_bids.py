"""Synthetic bids for the sample evaluation (B1-B5, Q1-Q8): each bid's answers and its
one-page profile, so the demo's panel has something to read. Everything is made up."""

from __future__ import annotations

# What each made-up bidder would say, in its own voice; the answers are built from these.
FACTS: dict[str, dict[str, str]] = {
    "B1": {
        "safe": "every worker is vetted and our buildings have a quiet room",
        "voice": "a youth advisory group that meets twice a year",
        "run": "two young people sit on our board, and we ask others in an annual survey",
        "open": "weekdays from 9am to 5pm at our three offices in the town centre",
        "reach": "schools and social workers refer young people to us",
        "activity": "a presentation about our history and our awards",
        "tell": "a newsletter every year with what we changed",
        "staff": "a full training programme and supervision every month",
        "know": "we count how many young people we see and report it every quarter",
    },
    "B2": {
        "safe": "young people helped write our safety rules and chose the places we meet",
        "voice": "a youth panel that meets every month and is paid for its time",
        "run": "young people interview our staff, plan the activities and check our budget",
        "open": "after school until 9pm, Saturdays, and online chat on Sunday evenings",
        "reach": "detached youth workers go to the parks and the bus station where "
                 "young people are",
        "activity": "a game the young people on our panel designed to explain rights",
        "tell": "a 'you said, we did' wall and a short video every three months",
        "staff": "training led by young people, and a mentor for every new worker",
        "know": "young people score us every term and we publish what they say",
    },
    "B3": {
        "safe": "each young person has one named worker who stays with them",
        "voice": "feedback forms after every session",
        "run": "a young person joins each of our planning meetings",
        "open": "three evenings a week and Saturday mornings at the family centre",
        "reach": "we work with families, so brothers and sisters can come together",
        "activity": "a role play of a first visit to the family centre",
        "tell": "letters home and a noticeboard in the family centre",
        "staff": "a week's induction and courses on trauma and mental health",
        "know": "we measure attendance and ask families what changed",
    },
    "B4": {
        "safe": "our staff follow a safeguarding policy that is checked every year",
        "voice": "an online survey that young people can fill in at any time",
        "run": "young people can join a focus group when we review the service",
        "open": "weekdays 10am to 6pm, and by appointment in the evening",
        "reach": "we advertise on social media and in GP surgeries",
        "activity": "a short film about the partners we work with",
        "tell": "posts on our website and social media",
        "staff": "online training modules and a yearly appraisal",
        "know": "we use a set of outcome measures agreed with the council",
    },
    "B5": {
        "safe": "our centre is run with young people, with a drop-in space and a "
                "calm room they designed",
        "voice": "a young people's committee that decides how part of our money is spent",
        "run": "the committee hires staff with us and runs two of our projects",
        "open": "every day after school, late on Fridays, and in the holidays",
        "reach": "peer mentors who have used the service bring their friends",
        "activity": "a quiz and a walk round a model of our drop-in space",
        "tell": "the committee tells young people at our monthly open evening",
        "staff": "peer mentoring, and training in youth work qualifications",
        "know": "young people and our staff review our goals together twice a year",
    },
}

ANSWERS = {
    "Q1": "Young people will be safe because {safe}. They are listened to through {voice}.",
    "Q2": "Young people help run the service: {run}. We will build on this from the first "
          "month.",
    "Q3": "The service will be open {open}. We will change the times if young people ask "
          "us to.",
    "Q4": "Many young people find it hard to ask for help. To reach them, {reach}. Nobody "
          "is turned away.",
    "Q5": "With the panel we did {activity}. We wanted to show how we work, not only tell "
          "you.",
    "Q6": "We will tell young people what changed because of them through {tell}.",
    "Q7": "Staff get {staff}. New staff shadow an experienced worker before they work "
          "alone.",
    "Q8": "We will know the service is working because {know}. We will share the results "
          "with the council and with young people.",
}

PROFILES = {
    "B1": "A large care company working in six counties for 25 years. It runs residential "
          "homes and advice services for young people, with 300 staff.\n\nIt has won awards "
          "for its buildings and its training. Most of its work is for councils.",
    "B2": "A small charity set up 8 years ago by young people who had used youth services. "
          "It has 12 staff and 30 volunteers, and young people make up half of its board."
          "\n\nIt runs youth clubs, detached youth work and an online chat service.",
    "B3": "A family support charity working in the north of the county for 15 years. It has "
          "40 staff, and runs a family centre and parenting groups.\n\nIt works with whole "
          "families, so young people and their parents are helped together.",
    "B4": "A partnership of three organisations (a health trust, a housing association and a "
          "training company) that have worked together for 4 years.\n\nIt offers advice, "
          "referrals and online support, and has 60 staff across the partners.",
    "B5": "A youth trust that runs a drop-in centre and holiday activities in the town for "
          "10 years. It has 18 staff and many peer mentors.\n\nA committee of young people "
          "decides part of its spending and helps to choose its staff.",
}


def sample_bids() -> dict[str, list[list[object]]]:
    """The Bids and Profiles sheets (column names first) for the sample evaluation."""
    bids: list[list[object]] = [["bidder", "question", "answer"]]
    for bidder, facts in FACTS.items():
        bids += [[bidder, q, text.format(**facts)] for q, text in ANSWERS.items()]
    return {"Bids": bids,
            "Profiles": [["bidder", "profile"]] + [[b, p] for b, p in PROFILES.items()]}
