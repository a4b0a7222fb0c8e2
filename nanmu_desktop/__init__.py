"""容错纠错办理系统 (Nanmu Desktop): cases, determinations and notices under a township's
容错纠错 regulation (first written for 鄂政发〔2024〕127号)."""

__version__ = "0.1.0"
