"""The Video tab's player: a service around one QMediaPlayer, and the widgets a visitor touches.

Nothing here imports QtMultimedia at import time except ``service`` (built only when a visitor
first plays a film), so the kiosk starts without paying for it.
"""
