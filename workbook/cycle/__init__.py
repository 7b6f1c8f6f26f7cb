"""The WTfC cycle: the next event started from the last, and the two compared per review."""
