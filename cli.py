#!/usr/bin/env python3
"""Run verify from a checkout without installing: ``python cli.py check claims.csv``."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from verify.cli import main  # noqa: E402

if __name__ == "__main__":
    main()
