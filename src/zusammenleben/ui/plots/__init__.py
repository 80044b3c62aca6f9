"""Indicator plots (pyqtgraph): the plot widget, its table alternative and the indicators screen."""
