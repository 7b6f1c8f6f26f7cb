"""What every page shares: the page frame, context, live refresh, messages, controls."""
