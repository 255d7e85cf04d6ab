"""The metrics exposition format."""

from __future__ import annotations

from hub.metrics import render


def test_each_metric_gets_help_and_type_once_and_labelled_samples() -> None:
    text = render(
        [
            ("hub_held_overdue", {"owner": "NIR-PSNI"}, 2),
            ("hub_held_overdue", {"owner": "SCO-PSOS"}, 0),
            ("hub_security_rejections_total", {"reason": "SECURITY_BAD_SIGNATURE"}, 3),
        ]
    )
    assert text.splitlines() == [
        "# HELP hub_held_overdue Held deliveries past their response deadline (escalate to the owner)",
        "# TYPE hub_held_overdue gauge",
        'hub_held_overdue{owner="NIR-PSNI"} 2',
        'hub_held_overdue{owner="SCO-PSOS"} 0',
        "# HELP hub_security_rejections_total Messages refused for their signature, by reason",
        "# TYPE hub_security_rejections_total counter",
        'hub_security_rejections_total{reason="SECURITY_BAD_SIGNATURE"} 3',
    ]
