"""The ingest endpoint's per-client rate limit."""

from __future__ import annotations

from adapters.ingest_limits import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_client_may_burst_then_is_held_to_its_rate_and_others_are_unaffected() -> None:
    clock = Clock()
    limiter = RateLimiter(rate=2, burst=3, clock=clock)
    assert [limiter.allow("scotland") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("jersey")
    clock.now = 0.5  # one token back at 2 per second
    assert [limiter.allow("scotland"), limiter.allow("scotland")] == [True, False]
