"""Tests of the command line: exit codes and exact output."""
