import sys

from itaplan.cli import main

sys.exit(main())
