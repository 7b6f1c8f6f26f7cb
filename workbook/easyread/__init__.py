"""Easy read with pictures for the people whose reviews were used: content, pictures, files."""
