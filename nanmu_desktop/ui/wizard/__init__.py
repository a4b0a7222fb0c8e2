"""The determination wizard (认定向导): interview steps, review, result, saved as the proposal."""

from nanmu_desktop.ui.wizard.determination_wizard import DeterminationWizard

__all__ = ["DeterminationWizard"]
