"""``python -m bot`` — same as the ``policybot`` command."""

from bot.cli import main

raise SystemExit(main())
