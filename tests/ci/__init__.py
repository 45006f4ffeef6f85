"""Tests of the CI files a shop's fork runs: GitHub Actions, GitLab CI and the pre-commit hook."""
