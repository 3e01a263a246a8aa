"""Link a million synthetic mentions with planted cross-source duplicates; print time, memory and
pairwise precision/recall against the planted truth.

    .venv/bin/python bench/link_1m.py            # 1,000,000 mentions
    .venv/bin/python bench/link_1m.py --n 100000 # quicker

The default world is 4 countries x 14 admin1 x 8 admin2 x 40 places over ten years: about 2.8
events per admin1 per day at 1M mentions, the density of a busy year of ACLED Syria (use --days to
crowd it). Each true event is reported by 1-4 sources (the planted duplicates). Mentions of one event differ
the way real reports do: a day off, a week- or month-precise date, a neighbouring village or only
the governorate, no actor or a contested one, another sub-type or a compatible type, different
tolls. Some reports carry two events (a day apart, or in another village) to exercise the
same-report rule. Countries, places and actors are made up: the linker must not care.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import date

from ceasefire.link import link_mentions
from ceasefire.model import EVENT_TYPES, Event

SOURCES = ("sana", "Syrian state TV", "etilaf", "manar", "alalam", "ahram", "alaraby", "arabiya", "reuters",
           "trt", "dailysabah", "sputnik", "tass", "jordantimes", "nna", "Local Monitor", "Town Council")
ACTORS = ("State Forces", "Rebel Front", "Jihadist Group", "Kurdish Units", "Foreign Air Force", "Militia")
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
START = date(2010, 1, 1).toordinal()


def geography(rng: random.Random, admin2: int, villages: int) -> list[tuple[str, str, str, str, float, float]]:
    """(country, admin1, admin2, place, lat, lon) for 4 countries x 14 admin1 x admin2 x villages."""
    places = []
    for c in range(4):
        for a1 in range(14):
            for a2 in range(admin2):
                lat0, lon0 = 10 + c * 8 + a1 * 0.5, 30 + a2 * 0.6
                for p in range(villages):
                    places.append((f"Country {c}", f"Province {c}-{a1}", f"District {c}-{a1}-{a2}",
                                   f"Village {c}-{a1}-{a2}-{p}", lat0 + rng.random() * 0.3, lon0 + rng.random() * 0.3))
    return places


def synthesise(n: int, seed: int, days: int = 3650, admin2: int = 8,
               villages: int = 40) -> tuple[list[Event], dict[str, int]]:
    """n mentions and the true event number of each mention id."""
    rng = random.Random(seed)
    places = geography(rng, admin2, villages)
    by_admin2: dict[str, list[int]] = {}
    for i, place in enumerate(places):
        by_admin2.setdefault(place[2], []).append(i)
    mentions: list[Event] = []
    truth: dict[str, int] = {}
    report = 0
    event_no = 0
    while len(mentions) < n:
        event_no += 1
        k = rng.choices((1, 2, 3, 4), weights=(55, 25, 12, 8))[0]
        day = START + rng.randrange(days)
        where = rng.randrange(len(places))
        etype = rng.choices(list(EVENT_TYPES), weights=(30, 40, 15, 5, 2, 5, 3))[0]
        sub = rng.choice(EVENT_TYPES[etype])
        actor = rng.choice(ACTORS)
        toll = rng.choice((None, 0, 1, 2, 3, 5, 8, 12, 20, 40))
        sources = rng.sample(SOURCES, k)
        for s in sources:
            if len(mentions) >= n:
                break
            report += 1
            m_day, precision = day, "day"
            roll = rng.random()
            if roll < 0.2:
                m_day += rng.choice((-1, 1))
            elif roll < 0.25:
                precision = "week"
            elif roll < 0.28:
                precision, m_day = "month", date(*date.fromordinal(day).timetuple()[:2], 1).toordinal()
            country, admin1, admin2, place, lat, lon = places[where]
            roll = rng.random()
            if roll < 0.2:
                country, admin1, admin2, place, lat, lon = places[rng.choice(by_admin2[admin2])]
            geo = 1
            if rng.random() < 0.4:
                lat = lon = None
            if rng.random() < 0.08:
                place, admin2, lat, lon, geo = admin1, None, None, None, 3
            m_type, m_sub = etype, sub
            roll = rng.random()
            if roll < 0.15:
                m_sub = rng.choice(EVENT_TYPES[etype])
            elif roll < 0.22 and etype in VIOLENT:
                m_type = rng.choice(VIOLENT)
                m_sub = rng.choice(EVENT_TYPES[m_type])
            roll = rng.random()
            m_actor = None if roll < 0.25 else rng.choice(ACTORS) if roll < 0.35 else actor
            m_toll = None if toll is None else max(0, toll + rng.choice((0, 0, 0, -1, 1, toll)))
            rid = f"rep{report}"
            event = Event(event_date=date.fromordinal(m_day).isoformat(), date_precision=precision,
                          event_type=m_type, sub_event_type=m_sub, actor1=m_actor, location=place,
                          admin1=admin1, admin2=admin2, country=country, latitude=lat, longitude=lon,
                          geo_precision=geo, fatalities=m_toll, report_id=rid, source=s,
                          evidence=[{"report_id": rid, "sentence": f"{s} on {place}: item {report}",
                                     "start": 0, "end": 10}])
            mentions.append(event)
            truth[event.event_id] = event_no
    return mentions, truth


def pairs(sizes: list[int]) -> int:
    return sum(s * (s - 1) // 2 for s in sizes)


def score(linked, truth: dict[str, int]) -> tuple[float, float, int, int]:
    from collections import Counter

    true_sizes = Counter(truth.values())
    tp = predicted = 0
    for le in linked:
        predicted += pairs([len(le.mention_ids)])
        tp += pairs(list(Counter(truth[m] for m in le.mention_ids).values()))
    actual = pairs(list(true_sizes.values()))
    return (tp / predicted if predicted else 1.0), (tp / actual if actual else 1.0), predicted, actual


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--days", type=int, default=3650, help="days the events are spread over")
    parser.add_argument("--admin2", type=int, default=8, help="admin2 areas per admin1 (14 admin1 x 4 countries)")
    parser.add_argument("--villages", type=int, default=40, help="named places per admin2")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    mentions, truth = synthesise(args.n, args.seed, args.days, args.admin2, args.villages)
    t1 = time.perf_counter()
    events = len(set(truth.values()))
    print(f"mentions {len(mentions):,}  true events {events:,}  "
          f"mentions that duplicate another source {len(mentions) - events:,} "
          f"({(len(mentions) - events) / len(mentions):.1%})  generated in {t1 - t0:.1f}s", flush=True)
    cpu = time.process_time()
    linked = link_mentions(mentions)
    t2 = time.perf_counter()
    cpu = time.process_time() - cpu
    precision, recall, predicted, actual = score(linked, truth)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"linked events {len(linked):,}  link seconds {t2 - t1:.1f} wall, {cpu:.1f} CPU  peak RSS {peak_mb:,.0f} MB")
    print(f"pairwise precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
          f"(predicted pairs {predicted:,}, true pairs {actual:,})")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
