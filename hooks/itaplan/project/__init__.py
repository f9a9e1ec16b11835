"""A site for any agency: `itaplan new` writes a complete project from the office's table, `itaplan update`
brings a project's itaplan code up to date, and `placeholders` finds what an agency has yet to fill in."""
