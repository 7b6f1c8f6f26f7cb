"""Charts as matplotlib Figures with their data and alt text, sized in pixels."""
