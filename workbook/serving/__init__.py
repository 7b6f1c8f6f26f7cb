"""Serving the pages: the `wtfc serve` command line, our Voila, the template."""
