"""Percentiles and a terminal bar chart, for the bench scripts."""


def percentile(values, share):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def bars(rows, width=40, unit="ms"):
    """rows: (label, value). Draws each value as a bar scaled to the largest."""
    largest = max(value for _label, value in rows) or 1
    for label, value in rows:
        print(f"  {label:<28} {'█' * max(1, round(width * value / largest)):<{width}} {value:8.2f} {unit}")
