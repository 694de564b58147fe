#!/usr/bin/env python3
"""Writes every query of the Grafana dashboards as a recording rule, so that `promtool check rules`
can tell whether each is valid PromQL (CI runs it; Grafana itself would only show an empty panel)."""
import json
import pathlib
import sys

dashboards = pathlib.Path(__file__).resolve().parent.parent / "dashboards"
rules = []
for dashboard in sorted(dashboards.glob("*.json")):
    for panel in json.loads(dashboard.read_text(encoding="utf-8"))["panels"]:
        for target in panel.get("targets", []):
            rules.append({"record": f"dashboard:{dashboard.stem.replace('-', '_')}:panel_{panel['id']}_{target['refId']}",
                          "expr": target["expr"]})
json.dump({"groups": [{"name": "dashboard-queries", "rules": rules}]}, sys.stdout, indent=1)
