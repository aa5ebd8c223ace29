#!/usr/bin/env python3
"""Generates the inputs of bench/compat_bench.sh (deterministic for a seed).

  gen_compat.py DIR --portfolio 100      DIR/portfolio/: a hub charter with 100
                                         active treaties and one candidate
  gen_compat.py DIR --matrix 200 100     DIR/matrix/: 200 treaties over 100
                                         charters, for `concord compat --matrix`

Charters differ in their limits (rates, caps, `min`/`max`, term and notice);
funds differ in rates, caps, floors and periods, so some checks conflict and
some do not, and the solver sees piecewise-linear formulas of every shape the
checker handles.
"""
import argparse
import os
import random

CHARTER = """charter {name} "{title}" {{
  adopted 2026-11-01
  membership {{ entry open exit anytime notice {exit_notice} }}
  revision {{ every month quota 1 }}
  jury {{ size 5 draw lottery from members excluding parties ruling expires after 6 months unless reaffirmed }}
  treaties {{
{limits}
  }}
  rule r_{name} "Shared work" {{ text "Everyone helps." }}
}}
"""

TREATY = """treaty {name} "{title}" {{
  parties {parties}
  effective {effective}
  term {term} renew explicitly by all
  exit any party notice {notice}
{funds}}}
"""

FUND = """  fund {name} {{
    contribution {formula}
    steward rotates every month among parties
  }}
"""


def limits(rng, generous):
    rate = rng.choice([3, 4, 5, 6, 8]) if not generous else 50
    cap = rng.choice([30, 40, 50, 60, 80]) if not generous else 100000
    total_rate = rate * 2
    total_cap = cap * 3 if not generous else 1000000
    shape = rng.choice(["min", "rate", "max"])
    if shape == "min":
        per = f"min({rate}% of income, {cap} EUR)"
    elif shape == "rate":
        per = f"{rate}% of income"
    else:
        per = f"max({rate}% of income, {cap // 2} EUR)"
    lines = [
        f"    accept term at most {rng.choice(['6 months', '1 year', '9 months'])}",
        f"    accept notice at most {rng.choice(['14 days', '30 days', '3 weeks'])}",
        "    accept renewal explicitly by all",
        f"    accept contribution at most {per} per month",
        f"    accept total contribution at most min({total_rate}% of income, {total_cap} EUR) per month",
    ]
    return "\n".join(lines)


def fund_formula(rng):
    rate = rng.choice(["0.5%", "1%", "1.5%", "2%", "3%"])
    cap = rng.choice([10, 15, 20, 40, 60, 150])
    per = rng.choice(["per month", "per month", "per month", "per year", "per week"])
    if per == "per year":
        cap *= 12
    if per == "per week":
        cap = max(1, cap // 4)
    floor = f" floor {rng.choice([1, 2, 5])} EUR" if rng.random() < 0.2 else ""
    kind = rng.random()
    if kind < 0.6:
        formula = f"{rate} of income"
    elif kind < 0.8:
        formula = f"if income > 2000 EUR then {rate} of income else {rate} of income / 2"
    else:
        formula = f"max({rate} of income - 5 EUR, 0 EUR)"
    return f"{formula} cap {cap} EUR{floor} {per}"


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def portfolio(out, count, rng):
    os.makedirs(out, exist_ok=True)
    charters = [CHARTER.format(name="hub", title="Hub", exit_notice="0 days",
                               limits="\n".join([
                                   "    accept term at most 1 year",
                                   "    accept notice at most 30 days",
                                   "    accept renewal explicitly by all",
                                   "    accept contribution at most min(5% of income, 50 EUR) per month",
                                   "    accept total contribution at most min(150% of income, 6000 EUR) per month",
                               ]))]
    for i in range(count + 1):
        charters.append(CHARTER.format(name=f"partner_{i}", title=f"Partner {i}",
                                       exit_notice="0 days", limits=limits(rng, True)))
    write(os.path.join(out, "charters.concord"), "\n".join(charters))
    treaties = []
    for i in range(count):
        funds = FUND.format(name=f"fund_{i}", formula=f"1% of income cap 50 EUR per month")
        treaties.append(TREATY.format(name=f"active_{i}", title=f"Active {i}",
                                      parties=f"hub, partner_{i}", effective="2027-01-01",
                                      term="1 year", notice="14 days", funds=funds))
    write(os.path.join(out, "active.concord"), "\n".join(treaties))
    funds = FUND.format(name="new_fund", formula="2% of income cap 60 EUR per month")
    write(os.path.join(out, "candidate.concord"),
          TREATY.format(name="candidate", title="Candidate", parties=f"hub, partner_{count}",
                        effective="2027-03-01", term="6 months", notice="14 days", funds=funds))


def matrix(out, treaties, charters, rng):
    os.makedirs(out, exist_ok=True)
    names = [f"c{i:03d}" for i in range(charters)]
    text = [CHARTER.format(name=n, title=f"Community {n}", exit_notice="0 days",
                           limits=limits(rng, False)) for n in names]
    write(os.path.join(out, "charters.concord"), "\n".join(text))
    out_treaties = []
    for t in range(treaties):
        parties = rng.sample(names, rng.choice([2, 2, 3]))
        funds = "".join(FUND.format(name=f"f{t}_{k}", formula=fund_formula(rng))
                        for k in range(rng.choice([0, 1, 1, 2])))
        month = rng.randint(1, 12)
        out_treaties.append(TREATY.format(
            name=f"t{t:03d}", title=f"Treaty {t}", parties=", ".join(parties),
            effective=f"2027-{month:02d}-01", term=rng.choice(["3 months", "6 months", "1 year"]),
            notice=rng.choice(["7 days", "14 days", "3 weeks"]), funds=funds))
    write(os.path.join(out, "treaties.concord"), "\n".join(out_treaties))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--portfolio", type=int)
    ap.add_argument("--matrix", type=int, nargs=2, metavar=("TREATIES", "CHARTERS"))
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    if args.portfolio:
        portfolio(os.path.join(args.dir, "portfolio"), args.portfolio, rng)
    if args.matrix:
        matrix(os.path.join(args.dir, "matrix"), args.matrix[0], args.matrix[1], rng)


if __name__ == "__main__":
    main()
