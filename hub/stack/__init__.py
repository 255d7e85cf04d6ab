"""The local stack: a real Apache Kafka broker (KRaft, jars from Maven Central) and a private PostgreSQL cluster.

`hub stack up | down | status | reset` (hub/stack/cli.py) drive `hub.stack.service`; everything lives under
`settings.stack_dir` (`.stack/` by default, `HUB_STACK_DIR` to move it). Connection parameters with
passwords come from the settings: `get_settings().hub_login()`, `.admin_login()`, `.partner_login("SCO")`.
"""
