"""The measured figures the tool ships must match the labelled sets they were measured on."""

from evaluation.evaluate import ACCURACY_FILE
from evaluation.evaluate import main as evaluate_main


def test_stored_detector_accuracy_is_up_to_date():
    assert ACCURACY_FILE.exists()
    assert evaluate_main(["--check"]) == 0, "run `make eval` (python -m evaluation.evaluate) and commit the result"
