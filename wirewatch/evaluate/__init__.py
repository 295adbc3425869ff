"""Quality reports: compare stage output with the labelled development corpus."""
