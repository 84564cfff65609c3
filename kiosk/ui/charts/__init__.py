"""The drawn charts of the Charts tab and of `kiosk chart export`.

Only ``plot_view`` and ``axes`` import pyqtgraph; everything else here is plain Qt, so the tab
can be built (and the kiosk can start) before pyqtgraph is loaded.
"""
