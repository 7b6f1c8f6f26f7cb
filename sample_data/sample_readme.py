"""The sample_data/README.md text: what each sample file holds, with counts from this run."""

from __future__ import annotations

from collections import Counter

import council_template
from sample_messy import MESSY_FIRST_ROW, MESSY_REASONS, MESSY_ROWS, messy_expected
from sample_reviews import KINDS, PERSPECTIVES, SEED, SERVICE, Statement

# Written by hand: make_tender_sample.py writes the tender files but not the README.
TENDER = """## The tender evaluation (`tender_evaluation.xlsx`)

A synthetic tender for a young people's participation service, made by
`make_tender_sample.py` (seeded, so every run writes the same bytes). Eight questions (the
young people's section of the tender), five invented bidders (B1-B5), an adult panel of three
(named by role) and a young people's panel of six (invented first names), each with an equal
share of the 70% quality weight; price carries 30%. Every member scored every bid on every
question with a reason; where members were two or more points apart the panel agreed a score
(sheet `Agreed`). Each member also put the bidders in order, favourite first (sheet
`Rankings`, for the Borda count). The young people's panel changes the ranking: with it,
B2 (Youth Voice Collective) comes first; without it, B1 (Harbourside Care Group) does.
`tender_expected.json` holds what `wtfc tender results tender_evaluation.xlsx --json` prints.

Sheets `Setup`, `Panels`, `Questions`, `Bidders`, `Scores` and `Agreed` are the evaluation
workbook the tender page imports and exports; `Members`, `Rankings` and `Descriptors` (the
plain words for each score) are optional extras.

The demo (`wtfc demo`) loads it as a panel part-way through the day
(`workbook.tender.sample.load_tender_sample(..., demo=True)`): every member has submitted but
one young person, Frankie, who is still scoring, so the results show what the young people
changed (B2 first with them, B1 without); their agreed scores are left out, as a panel
moderates once all are in. The young people's panel is prepared and recognised: an
independent person to turn to (a made-up role and a reserved drama number), everyone briefed,
two of them have done the practice round, and each has hours, preparation and expenses.
"""


def readme(statements: list[Statement], plan: dict, themed: int) -> str:
    kinds = Counter(s.kind for s in statements)
    views = Counter(s.perspective for s in statements)
    total = len(statements)
    table = ["| | " + " | ".join(KINDS) + " | all |", "|---|" + "---:|" * (len(KINDS) + 1)]
    for view in PERSPECTIVES:
        row = [sum(1 for s in statements if s.perspective == view and s.kind == k) for k in KINDS]
        table.append(f"| {view} | " + " | ".join(map(str, row)) + f" | {views[view]} "
                     f"({100 * views[view] / total:.0f}%) |")
    table.append("| all | " + " | ".join(f"{kinds[k]} ({100 * kinds[k] / total:.0f}%)"
                                         for k in KINDS) + f" | {total} |")
    expected = messy_expected()
    bad_rows = "\n".join(f"  - row {r['row']}: {MESSY_REASONS[r['reason_contains']]}"
                         for r in expected["rejected"])
    blank_row = next(n for n, row in enumerate(MESSY_ROWS, MESSY_FIRST_ROW)
                     if not any(str(v).strip() for v in row))
    themes = "\n".join(
        f"| {t['name']} | {len(t['statements'])} | {t['i_statement']} |" for t in plan["themes"]
    )
    return f"""# Sample data: the Riverside sample event

**All of this data is synthetic.** Riverside is an invented place, and every review,
statement, theme, cause and action was written for this project. No statement comes from
a real review and no file names or describes a real person; action owners are roles.

The service is "{SERVICE}",
for adults with learning disabilities and autistic adults. Sixty people had a
person-centred review (R-001 to R-060). Each person gave two things that are working, two
that are not working and one or two that are important for the future; for many of them a
family carer, a member of staff or someone else (an advocate, a friend, a college tutor)
added one or two statements too.

## Files

- `reviews_long.csv`: the {total} statements, one a row, in UTF-8, with the header
  `review,perspective,kind,text`. Kinds are `working`, `not working` and `future`;
  perspectives are `person`, `family carer`, `staff` and `other`.
- `reviews_wide.xlsx`: the same statements, one row per review and perspective, on the
  sheet "Reviews", with two title rows above the header as councils send them. The columns
  are `Review ref`, `Perspective`, `Working 1`, `Working 2`, `Not working 1`,
  `Not working 2`, `Important for the future 1` and `Important for the future 2`, with a
  blank cell where nothing was said. Importing it after the CSV adds nothing.
- `messy_council.xlsx` and `messy_council.csv`: a small, untidy council export to test
  importing (the CSV is Windows-1252, with curly quotes, dashes and a £ sign). It has title
  rows, loose headings ("Review Ref.", "Whose view?", "Type", "What they said", "Notes"),
  synonyms ("Parent", "Support worker", "Carer", "What’s not working", "Important for the
  future"), a reference typed as a number, a wholly blank row (row {blank_row}, skipped
  silently) and four bad rows:
{bad_rows}
- `messy_council_expected.json`: what importing either messy file should give: how many
  statements are good, and each rejected row (numbered as Excel shows it) with a fragment
  of the reason given.
{council_template.readme()}
- `prepare.json` (from `sample_prepare.py`): step 1, Prepare: the event's date, place and
  facilitators, 60 reviews planned, who is invited by role (descriptions, not names; who has
  support needs and who took part in theming), the access checklist as ticked, and each
  review's date, type and consent to use the person's words: R-047 and R-053 said no (their
  statements count, their words are not shown), R-058 and R-059 were not recorded, and
  R-012 and R-030 are older than 12 months at the event, so the Prepare page flags them.
- `worked_example.json`: the sample event taken through every stage: themes (statements
  named by review, kind and text exactly as in the CSV), dots on themes, cause trees, dots
  on causes, success statements and actions. `wtfc` uses it to build the demo workshop.
- `worked_example_stages.json` (written by hand, not by this script): steps 6-8 of the
  sample event: what is happening already and ideas per theme (some chosen as actions), the
  extra success statements some actions serve, indicators with a baseline, a target and
  dated measurements, and "you said, we did" entries.
- `later_event.json` (written by hand): a smaller autumn follow-up event (reviews R-001 to
  R-040) built from the spring statements with fewer not-working statements in the themes
  acted on, plus a few new statements and its own dots, so two events can be compared
  (notebooks/explore_themes.ipynb).
- `statement_bank.py`: the statements themselves, grouped by voice, kind and theme.
- `make_sample.py`: writes every file above and then checks them, with
  `sample_reviews.py` (deals the statements out to the reviews; the long and wide files),
  `sample_messy.py` (the messy files), `council_template.py` (the council template),
  `sample_worked_example.py` (the worked example), `sample_checks.py` (the checks),
  `sample_readme.py` (this README) and `sample_files.py` (byte-stable .xlsx and CSV).

## Statements by kind and perspective

{chr(10).join(table)}

## The worked example

{len(plan["themes"])} themes hold {themed} of the {total} statements ({100 * themed / total:.0f}%);
the rest were left on the wall, as at a real event.

| Theme | Statements | "I" statement |
|---|---:|---|
{themes}

Five voters ("Table 1" to "Table 4" and "Big screen") placed {plan["dots_per_voter"]} dots each
on the themes about what is not working ({len(plan["theme_votes"])} dots). The three themes with
the most dots each have a cause tree ({len(plan["causes"])} causes in all, two or three levels
deep; {len(plan["cause_votes"])} dots on causes), success statements in the voices of the
person, family, staff, provider and commissioner ({len(plan["success_statements"])} in all) and
actions with an owner, a due date and a status ({len(plan["actions"])} in all).

## Regenerating

```
cd /work/main && python sample_data/make_sample.py
```

The script needs only the standard library and openpyxl. It is seeded
(`random.Random({SEED})`), so it writes the same files every time, and it ends by checking
what it wrote: the counts, that the long and wide files agree, that each statement the worked
example names is in the CSV exactly once, that no voter has more than
{plan["dots_per_voter"]} dots, and the rows of the messy files. This README is written by it
too (`sample_readme.py`), so edit the script, not this file.

{TENDER}"""
