"""Which character set a spreadsheet was saved in, the way staff really save them.

LibreOffice and Excel write UTF-8 (with or without a byte order mark) only when asked; Excel's
plain "CSV (Comma delimited)" writes the Windows code page of the machine (1252 in Western
Europe and the Americas, 1251 for Cyrillic), and its "Unicode Text" writes UTF-16 with tabs.
UTF-8 and byte order marks are recognised here directly, so the usual file costs nothing;
anything else goes to charset-normalizer, a kept detection library, limited to the encodings a
spreadsheet program actually writes, so it never guesses an exotic one.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

#: What a spreadsheet program writes besides UTF-8 (charset-normalizer's names). UTF-16 text of
#: letters and digits always holds NUL bytes; a file without any is never read as UTF-16.
SINGLE_BYTE = ("cp1252", "cp1251")
WIDE = ("utf_16", "utf_16_le", "utf_16_be")
#: How staff know each encoding from their program's save dialog.
NAMES = {
    "utf_8": "UTF-8",
    "cp1252": "Windows-1252 (Western European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "utf_16": "UTF-16 (Excel \u201cUnicode Text\u201d)",
    "utf_16_le": "UTF-16 (Excel \u201cUnicode Text\u201d)",
    "utf_16_be": "UTF-16 (big-endian)",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf_8"),
    (codecs.BOM_UTF16_LE, "utf_16_le"),
    (codecs.BOM_UTF16_BE, "utf_16_be"),
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a key of NAMES, or "" when nothing fitted and replacement characters were used
    bad_line: int | None = None  # with encoding "": the first line that could not be read

    @property
    def name(self) -> str:
        return NAMES.get(self.encoding, self.encoding)

    @property
    def is_utf8(self) -> bool:
        return self.encoding == "utf_8"


def decode_spreadsheet(data: bytes) -> Decoded:
    """The text of a CSV or tab-separated file, and the encoding it was read in."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(encoding), encoding)
            except UnicodeDecodeError:
                break  # a byte order mark on broken text: let the detector look at it
    if b"\x00" not in data:  # NUL bytes are valid UTF-8 but mean UTF-16 without its mark
        try:
            return Decoded(data.decode("utf-8"), "utf_8")
        except UnicodeDecodeError as exc:
            bad_line = data[: exc.start].count(b"\n") + 1
    else:
        bad_line = 1
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    wide = b"\x00" in data
    best = from_bytes(data, cp_isolation=list(WIDE if wide else SINGLE_BYTE)).best()
    if best is not None and best.encoding in NAMES:
        return Decoded(str(best), best.encoding)
    if wide and (unmarked := _utf16_by_its_zeros(data)) is not None:
        return unmarked
    return Decoded(data.decode("utf-8", errors="replace").lstrip("\ufeff"), "", bad_line)


def _utf16_by_its_zeros(data: bytes) -> Decoded | None:
    """UTF-16 without a byte order mark, too short for the detector to be sure. The header row
    of a spreadsheet names its columns in letters below U+0100 (file, caption …), whose second
    byte (little-endian) or first byte (big-endian) is zero."""
    if len(data) % 2:
        return None
    head = data[:8]  # the first letters of the first column's name
    if len(head) < 4:
        return None
    if not any(head[1::2]):
        encoding = "utf_16_le"
    elif not any(head[0::2]):
        encoding = "utf_16_be"
    else:
        return None
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return None
