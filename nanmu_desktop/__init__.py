"""南木容错纠错办理系统 (Nanmu Desktop): cases, determinations and notices, 鄂政发〔2024〕127号."""

__version__ = "0.1.0"
