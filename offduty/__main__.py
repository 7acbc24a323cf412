"""`python -m offduty ...` is the same as `offduty ...`."""

from auditor.cli import main

if __name__ == "__main__":
    main()
