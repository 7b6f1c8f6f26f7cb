"""Write the synthetic Riverside sample event into sample_data/, then check what was written.

    cd /work/main && python sample_data/make_sample.py

Everything here is made up: the place, the reviews and every statement (statement_bank.py).
The output is the same on every run: one seeded random.Random, and the .xlsx files are
written with fixed timestamps so git sees no change unless the data changes.
Needs only the standard library and openpyxl.

This file runs the steps; the work is in sample_reviews.py (dealing statements out to the
reviews, the long CSV and wide .xlsx), sample_worked_example.py (worked_example.json),
sample_messy.py (the messy council files), council_template.py, sample_checks.py (reading
it all back) and sample_readme.py (README.md).
"""

from __future__ import annotations

import json
import random
from collections import Counter

import council_template
from sample_checks import check_messy, check_statements, check_worked_example
from sample_files import HERE
from sample_messy import write_messy
from sample_prepare import prepare_plan
from sample_readme import readme
from sample_reviews import (
    KINDS,
    PERSPECTIVES,
    REVIEWS,
    SEED,
    collect,
    write_long_csv,
    write_wide_xlsx,
)
from sample_worked_example import worked_example


def _percent(counter: Counter, keys: tuple[str, ...]) -> str:
    total = sum(counter.values())
    return ", ".join(f"{k} {counter[k]} ({100 * counter[k] / total:.0f}%)" for k in keys)


def main() -> None:
    rng = random.Random(SEED)
    statements = collect(rng)
    write_long_csv(statements, HERE / "reviews_long.csv")
    write_wide_xlsx(statements, HERE / "reviews_wide.xlsx")
    write_messy(HERE / "messy_council.xlsx", HERE / "messy_council.csv",
                HERE / "messy_council_expected.json")
    council_template.write(HERE / "council_template.csv", HERE / "council_template_expected.json")
    plan = worked_example(rng, statements)
    (HERE / "worked_example.json").write_text(
        json.dumps(plan, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )

    (HERE / "prepare.json").write_text(
        json.dumps(prepare_plan(list(REVIEWS)), indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8")

    check_statements(statements)
    check_messy()
    council_template.check(HERE / "council_template.csv")
    found = check_worked_example(plan, statements)
    (HERE / "README.md").write_text(readme(statements, plan, found["themed"]), encoding="utf-8")

    kinds = Counter(s.kind for s in statements)
    views = Counter(s.perspective for s in statements)
    print(f"{len(REVIEWS)} reviews, {len(statements)} statements")
    print("  by kind:", _percent(kinds, KINDS))
    print("  by perspective:", _percent(views, PERSPECTIVES))
    print(f"{len(plan['themes'])} themes holding {found['themed']} statements "
          f"({100 * found['themed'] / len(statements):.0f}%)")
    for theme in plan["themes"]:
        count = Counter(ref["kind"] for ref in theme["statements"])
        dots = sum(v["theme"] == theme["key"] for v in plan["theme_votes"])
        print(f"  {theme['name']:<36} {len(theme['statements']):>3} statements "
              f"(W {count['working']}, NW {count['not_working']}, F {count['future']}), "
              f"{dots} dots")
    print(f"{len(plan['theme_votes'])} theme dots, {len(plan['causes'])} causes, "
          f"{len(plan['cause_votes'])} cause dots, {len(plan['success_statements'])} success "
          f"statements, {len(plan['actions'])} actions")
    expected = json.loads((HERE / "messy_council_expected.json").read_text(encoding="utf-8"))
    print(f"messy_council: {expected['good']} good rows; rejected rows "
          + ", ".join(f"{r['row']} ({r['reason_contains']})" for r in expected["rejected"]))
    print("Self-check passed.")


if __name__ == "__main__":
    main()
