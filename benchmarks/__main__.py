"""``python -m benchmarks``: see benchmarks/run.py and docs/pages/performance.md."""

import sys

from .run import main

sys.exit(main())
