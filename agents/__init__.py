"""The streaming shell: the one Faust app, its topics, tables, agents, metrics, logging and CLI."""
