"""One Matcher shared by many threads gives exactly the serial results."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from skillmatch import Matcher

TEXTS = [
    "Requirements\n- 5+ years of Python; no Java needed\n- Experience with AWS is a plus",
    "We use Spark and Kafka, but not Hadoop. Docker required.",
    "Nice to have\n- Deep knowledge of Kubernetes\n- Terraform (a big plus)",
    "SKILLS\nPython, SQL, Tableau, Excel\nEXPERIENCE\nAcme, 2018 - 2021, built dashboards",
    "Must know SQL. Familiarity with Airflow. Without prior Scala experience is fine.",
    "Experience with supervised, semi-supervised, and unsupervised learning; PyTorch or JAX.",
    "Although not required, Go is a plus. R programming, C/C++ and C# welcome.",
    "Requirements: 3+ years of Python in a SaaS environment Preferred Qualifications "
    "Experience with dbt and Looker",
]


def _signature(matcher: Matcher, text: str, kind: str) -> tuple[object, ...]:
    ex = matcher.extract(text, kind=kind)
    return tuple((m.skill, m.start, m.end, m.negated, m.level, m.years) for m in ex.mentions)


def test_eight_threads_equal_serial() -> None:
    """8 threads x 400 extractions on one Matcher equal the serial extractions, every one."""
    matcher = Matcher(taxonomy="ml-engineer", as_of=date(2024, 6, 1))
    jobs = [(TEXTS[i % len(TEXTS)], "posting" if i % 3 else "resume") for i in range(400)]
    serial = [_signature(matcher, text, kind) for text, kind in jobs]
    fresh = Matcher(taxonomy="ml-engineer", as_of=date(2024, 6, 1))  # cold: lazy patterns race

    def run(_: int) -> list[tuple[object, ...]]:
        return [_signature(fresh, text, kind) for text, kind in jobs]

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: races show up
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(run, range(8)))
    finally:
        sys.setswitchinterval(interval)
    assert all(result == serial for result in results)
