"""The cycle on the page: this event against the last (per review), and the next one made."""
