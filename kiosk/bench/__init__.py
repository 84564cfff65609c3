"""`kiosk bench`: the speed and memory figures the kiosk is held to, measured, printed and saved.

Each area has a module here with a FIGURES list. Figures are medians of several runs, most of
them of fresh processes on the demo exhibit; machines are shared and noisy, so compare figures
from the same run, not across machines.
"""

# The modules whose FIGURES `kiosk bench` runs, in this order.
AREAS: tuple[str, ...] = ("shell", "validate", "gallery", "video", "charts", "fleet")
