"""Drawing with QtGui (no widgets): charts that paint on screen, PNG and PDF alike."""
