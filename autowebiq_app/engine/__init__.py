"""The site engine: planner -> image -> frontend -> QA agents, offline by default."""
