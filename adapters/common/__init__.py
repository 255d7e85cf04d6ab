"""What every adapter shares: value rules, rejections, event building, de-duplication."""
