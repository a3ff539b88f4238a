"""The geometry of a bar chart of statements per day, drawn as SVG by a template
(templates/initiatives/chart.html on the initiative page; the organisers' dashboard)."""

import datetime
from dataclasses import dataclass

CHART_WIDTH, CHART_HEIGHT, CHART_MARGIN = 720, 220, 48
# A lone day must not fill the whole chart with one bar.
WIDEST_BAR = 40


@dataclass
class Bar:
    day: datetime.date
    online: int
    paper: int
    x: float
    width: float
    y: float  # the online part, from the baseline up
    height: float
    paper_y: float  # the paper part, on top of it
    paper_height: float

    @property
    def count(self):
        return self.online + self.paper


def daily_chart(per_day):
    """The chart of [(day, online, paper)], or None when there is no day to draw."""
    if not per_day:
        return None
    highest = max(online + paper for _day, online, paper in per_day) or 1
    scale = _nice_ceiling(highest)
    plot_width = CHART_WIDTH - CHART_MARGIN - 8
    plot_height = CHART_HEIGHT - 40
    baseline = 10 + plot_height
    slot = plot_width / len(per_day)
    width = min(max(slot * 0.8, 0.5), WIDEST_BAR)
    bars = []
    for index, (day, online, paper) in enumerate(per_day):
        height = plot_height * online / scale
        paper_height = plot_height * paper / scale
        x = CHART_MARGIN + index * slot + (slot - width) / 2
        bars.append(
            Bar(day, online, paper, x, width, baseline - height, height,
                baseline - height - paper_height, paper_height)
        )  # fmt: skip
    gridlines = [
        {"value": scale * step // 4, "y": baseline - plot_height * step / 4} for step in range(5)
    ]
    busiest = max(bars, key=lambda bar: bar.count)
    return {
        "bars": bars,
        "gridlines": gridlines,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": CHART_MARGIN,
        "right": CHART_WIDTH - 8,
        "baseline": baseline,
        "first": per_day[0][0],
        "last": per_day[-1][0],
        # A lone day's date stands under its bar, not at the chart's left edge.
        "first_x": bars[0].x + bars[0].width / 2 if len(bars) == 1 else CHART_MARGIN,
        "busiest": (busiest.day, busiest.count),
        "with_paper": any(bar.paper for bar in bars),
    }


def _nice_ceiling(value):
    """The smallest 1, 2 or 5 times a power of ten, times 4, that is at least `value`."""
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if step * magnitude * 4 >= value:
                return step * magnitude * 4
        magnitude *= 10
