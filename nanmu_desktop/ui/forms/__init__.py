"""Designer forms compiled by scripts/compile_forms.py from forms/*.ui; generated, do not edit."""
