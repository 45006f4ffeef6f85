"""Tests of editing review files for staff: new files, removals with their record."""
