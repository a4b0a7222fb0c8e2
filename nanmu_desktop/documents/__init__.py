"""GB/T 9704 notices, fonts and the ledger on reportlab: no Qt."""
