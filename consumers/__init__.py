"""The long-running Kafka consumers: the router, the per-partner writers, and the outbox relay."""
