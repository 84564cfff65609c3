"""How many subject cards the chooser shows at once, and how large: a rule without Qt.

Every card on a page has the same rectangle. A page holds as many cards as fit with every word of
every card whole (the longest title word on one line, the summary wrapped in full) and a picture
of a useful size above the words; what does not fit goes to further pages, which the chooser
announces with arrows, page dots and "1 / 2".
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

MAX_COLUMNS = 4
MAX_ROWS = 3
#: The picture keeps at least this share of the card's width as its height.
MIN_PICTURE_SHARE = 0.3
#: The card shape the chooser prefers when several grids show the same number of cards.
PREFERRED_ASPECT = 0.9  # width / height: a little taller than wide, like a poster


@dataclass(frozen=True)
class CardGrid:
    columns: int
    rows: int
    card_width: int
    card_height: int
    text_height: int  # the words' share of each card; the picture has the rest
    count: int
    gap: int

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.count / self.per_page))

    def cells(self, page: int) -> list[tuple[int, int, int, int]]:
        """The (x, y, width, height) of each card on ``page``, left to right, top to bottom; a
        short last row is centred."""
        first = page * self.per_page
        shown = max(0, min(self.per_page, self.count - first))
        out: list[tuple[int, int, int, int]] = []
        for i in range(shown):
            row, col = divmod(i, self.columns)
            in_row = min(self.columns, shown - row * self.columns)
            offset = (self.columns - in_row) * (self.card_width + self.gap) // 2
            out.append((offset + col * (self.card_width + self.gap), row * (self.card_height + self.gap),
                        self.card_width, self.card_height))
        return out


def choose_grid(count: int, width: int, height: int, *, gap: int, min_card_width: int,
                text_height: Callable[[int], int], min_picture: int) -> CardGrid:
    """The grid for ``count`` cards in a ``width`` × ``height`` area.

    ``text_height(w)`` is the height the tallest card's words need at card width ``w``;
    ``min_picture`` the least height of a card's picture in pixels."""
    count = max(1, count)
    best: tuple[tuple[float, ...], CardGrid] | None = None
    for columns in range(1, MAX_COLUMNS + 1):
        for rows in range(1, MAX_ROWS + 1):
            if (columns - 1) * rows >= count or columns * (rows - 1) >= count:
                continue  # a whole column or row would stay empty
            card_w = (width - (columns - 1) * gap) // columns
            card_h = (height - (rows - 1) * gap) // rows
            if card_w < min_card_width and columns > 1:
                continue
            words = text_height(card_w)
            picture = card_h - words
            if picture < max(min_picture, card_w * MIN_PICTURE_SHARE) and columns * rows > 1:
                continue
            shown = min(count, columns * rows)
            empty = columns * rows * math.ceil(count / (columns * rows)) - count
            shape = abs(math.log(max(1, card_w) / max(1, card_h) / PREFERRED_ASPECT))
            score = (shown, -empty, -shape)
            grid = CardGrid(columns, rows, card_w, card_h, words, count, gap)
            if best is None or score > best[0]:
                best = (score, grid)
    if best is None:  # nothing fits well (a tiny window): one card at a time, as large as can be
        return CardGrid(1, 1, width, height, text_height(width), count, gap)
    return best[1]
