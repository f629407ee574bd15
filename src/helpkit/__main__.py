"""`python -m helpkit`: the `helpkit` command."""

import sys

from helpkit.cli import main

sys.exit(main())
