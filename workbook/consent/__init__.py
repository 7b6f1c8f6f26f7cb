"""Consent to use people's words: what others are shown (rule), and erasure when it is withdrawn."""
