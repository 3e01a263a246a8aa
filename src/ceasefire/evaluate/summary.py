"""The printable text of a score."""
from __future__ import annotations

from typing import Any


def _number(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_result(result: dict[str, Any]) -> str:
    """A few readable lines for the dict `evaluate` or `evaluate_main_admin1` returns."""
    if "main_admin1_accuracy" in result:
        return _format_main_admin1(result)
    lines = [
        f"gold {result['gold']}  predicted {result['predicted']}  matched {result['matched']}  "
        f"false positives {result['false_positives']}  neutral {result['neutral']}  "
        f"unscored (no admin1) {result['unscored_no_admin1']}",
        f"precision {_number(result['precision'])}  recall {_number(result['recall'])}  "
        f"F1 {_number(result['f1'])}",
        "field accuracy over matched events:",
    ]
    for name, value in result["field_accuracy"].items():
        lines.append(f"  {name:<16} {_number(value):>6}  (n={result['field_counts'][name]})")
    if result["missed"]:
        lines.append(f"missed gold events ({len(result['missed'])}): " + ", ".join(map(str, result["missed"])))
    if result["false_positive_examples"]:
        lines.append(f"false positives, first {len(result['false_positive_examples'])}:")
        for row in result["false_positive_examples"]:
            shown = {key: "-" if value in (None, "") else value for key, value in row.items()}
            lines.append(f"  {shown['event_date']}  {shown['event_type']} / {shown['sub_event_type']}  "
                         f"{shown['actor1']}  at {shown['location']} ({shown['admin1']})")
    return "\n".join(lines)


def _format_main_admin1(result: dict[str, Any]) -> str:
    lines = [
        f"documents {result['documents']}  with events {result['with_events']}  "
        f"coverage {_number(result['coverage'])}",
        f"main admin1 accuracy {_number(result['main_admin1_accuracy'])}",
    ]
    if result["wrong_examples"]:
        lines.append(f"wrong, first {len(result['wrong_examples'])}:")
        for row in result["wrong_examples"]:
            lines.append(f"  doc {row['doc']}: gold {row['gold']}, predicted {row['main']}")
    return "\n".join(lines)
