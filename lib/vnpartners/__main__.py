"""``python -m vnpartners report ...``"""

from .cli import main

raise SystemExit(main())
