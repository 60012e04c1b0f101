"""Charts drawn on the server as SVG the admin pages write out: no script, no library, no request of their
own; each comes with its numbers as a table for screen readers (and a CSV from its page). The colours are
Okabe and Ito's, told apart with every common colour blindness, and readable on the admin's dark theme."""

PALETTE = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#999999"]
HEIGHT = 160  # the bars' height at the tallest column, in SVG units
COLUMN = 28  # a column's width with its gap
MIN_WIDTH = 200  # room for a chart's labels when it has few columns


def stacked_columns(columns, names):
    """A stacked column chart of `columns` [(label, {series key: value})], the series named by `names`
    {key: name} (in that order): {"width", "height", "columns": [{"label", "x", "total", "parts": [{"y",
    "height", "colour", "name", "value"}]}], "legend": [(colour, name)]}."""
    keys = [key for key in names if any(counts.get(key) for _, counts in columns)]
    colours = {key: PALETTE[index % len(PALETTE)] for index, key in enumerate(keys)}
    tallest = max((sum(counts.values()) for _, counts in columns), default=0) or 1
    drawn = []
    for index, (label, counts) in enumerate(columns):
        top, parts = HEIGHT, []
        for key in keys:
            value = counts.get(key, 0)
            if value:
                height = round(HEIGHT * value / tallest, 1)
                top -= height
                parts.append({"y": round(top, 1), "height": height, "colour": colours[key], "name": names[key],
                              "value": value})
        drawn.append({"label": label, "x": index * COLUMN, "total": sum(counts.values()), "parts": parts})
    return {"width": max(len(columns) * COLUMN, COLUMN), "height": HEIGHT, "columns": drawn,
            "legend": [(colours[key], names[key]) for key in keys]}


def line_with_target(points, target, unit=""):
    """A line chart of `points` [(label, value or None for no value)], one per column as stacked_columns
    places them, with a dashed horizontal line at `target` (the scale reaches the target even when every
    point is below it): {"width", "height", "line" (the polyline's points), "points": [{"label", "x", "y",
    "value", "over"}] (the points with a value), "target_y", "target", "unit", "colour", "over_colour"};
    "over" marks a point above the target, drawn in the warning colour."""
    highest = max([value for _, value in points if value is not None] + [target]) * 1.1 or 1
    drawn = [{"label": label, "x": index * COLUMN + COLUMN // 2, "y": round(HEIGHT - HEIGHT * value / highest, 1),
              "value": value, "over": value > target}
             for index, (label, value) in enumerate(points) if value is not None]
    return {"width": max(len(points) * COLUMN, MIN_WIDTH), "height": HEIGHT,
            "line": " ".join(f"{point['x']},{point['y']}" for point in drawn), "points": drawn,
            "target_y": round(HEIGHT - HEIGHT * target / highest, 1), "target": target, "unit": unit,
            "colour": PALETTE[0], "over_colour": PALETTE[5]}
