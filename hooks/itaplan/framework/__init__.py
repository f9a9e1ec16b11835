"""ITA assessment frameworks as data: which indicators, tools and OIT items an assessment year has.

The year's framework is chosen by plan.yml's `assessment_year`. What other code calls:

    from itaplan.framework import shipped_frameworks, compare
    year.framework                      # the Framework of a loaded YearPlan (plan/model.py)
    plans.frameworks.get(2569)          # any known year's Framework, or None (PlanSet.frameworks)
    fw.tools, fw.tool("IIT"), fw.tool_position("IIT")
    fw.indicators, fw.indicator(9), fw.by_name("…"), fw.indicators_of("OIT")
    fw.oit_items, fw.oit_items_of("analysis" | "open_data" | "progress" | "progress:6-months")
    compare(older, newer)               # which indicator continues which (trends), what is new or merged
"""

from itaplan.framework.loader import FOLDER, shipped_frameworks
from itaplan.framework.model import FrameworkChange, Frameworks, Origin, compare
from itaplan.framework.schema import DOCUMENTS, Framework, FrameworkIndicator, OitItem, Questions, Tool

__all__ = ["DOCUMENTS", "FOLDER", "Framework", "FrameworkChange", "FrameworkIndicator", "Frameworks", "OitItem",
           "Origin", "Questions", "Tool", "compare", "shipped_frameworks"]
