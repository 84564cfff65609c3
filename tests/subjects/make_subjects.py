"""Write the test subjects under tests/subjects/: exhibits of other shapes than the demo.

    .venv/bin/python tests/subjects/make_subjects.py

* ``one-tab/``: a single film with sound, captions, transcript and poster; English only.
* ``one-language/``: texts and pictures only, English only, with long names everywhere.
* ``three-languages/``: English, Russian and German, with a Russian and a German version of
  every picture, of the film and of its poster, and a chooser card named in subject.toml.
* ``twelve/``: a content root of twelve small subjects (pictures, a film-only one, ordered with
  ``order``, half of them also in Russian), the most a chooser usually shows.

Nothing is random: a second run writes the same bytes (pictures through Pillow without
timestamps, films single-threaded with the bit-exact flags). Every subject passes
``kiosk validate``; tests/core/test_test_subjects.py checks that it stays so. The chart subjects
beside these (``charts-*``) come from elsewhere and are not touched here.
"""

from __future__ import annotations

import csv
import io
import shutil
import textwrap
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
CREDIT = "Made for the Exhibit Kiosk tests (CC0)"
SOURCE = "Written for the Exhibit Kiosk tests; the places and people are invented"


# -- pictures and films --------------------------------------------------------------------
def picture(path: Path, words: str, hue: int, size: tuple[int, int] = (960, 600)) -> None:
    """A plain coloured picture with a few words on it (the language of a version shows)."""
    img = Image.new("RGB", size, _colour(hue, 0.45))
    draw = ImageDraw.Draw(img)
    draw.rectangle((24, 24, size[0] - 25, size[1] - 25), outline=_colour(hue, 0.85), width=6)
    font = ImageFont.truetype(FONT, size[1] // 9)
    lines = textwrap.wrap(words, 18)
    y = (size[1] - len(lines) * size[1] // 8) // 2
    for line in lines:
        width = draw.textlength(line, font=font)
        draw.text(((size[0] - width) / 2, y), line, fill=(245, 238, 225), font=font)
        y += size[1] // 8
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    if path.suffix == ".png":
        img.save(buf, "PNG", optimize=True)
    else:
        img.save(buf, "JPEG", quality=80, optimize=True)
    path.write_bytes(buf.getvalue())


def _colour(hue: int, light: float) -> tuple[int, int, int]:
    import colorsys

    r, g, b = colorsys.hls_to_rgb(hue / 360, light * 0.6, 0.45)
    return round(r * 255), round(g * 255), round(b * 255)


def film(path: Path, hue: int, seconds: float = 3.0, *, sound: bool = True) -> None:
    """A short 320×180 film of a colour band moving across, with a quiet tone if ``sound``."""
    fps, w, h = 10, 320, 180
    with av.open(str(path), "w", format="mp4", container_options={"fflags": "+bitexact"}) as out:
        video = out.add_stream("libx264", rate=fps)
        video.width, video.height, video.pix_fmt = w, h, "yuv420p"
        video.codec_context.thread_count = 1
        video.codec_context.options = {"preset": "veryfast", "threads": "1", "flags": "+bitexact"}
        audio = None
        if sound:
            audio = out.add_stream("aac", rate=22050, layout="mono")
            audio.codec_context.options = {"flags": "+bitexact"}
        frames = round(seconds * fps)
        for i in range(frames):
            rgb = np.zeros((h, w, 3), np.uint8)
            rgb[:] = _colour(hue, 0.35)
            x = int(i / frames * (w - 60))
            rgb[:, x:x + 60] = _colour(hue, 0.8)
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format="yuv420p")
            frame.pts, frame.time_base = i, Fraction(1, fps)
            for packet in video.encode(frame):
                out.mux(packet)
        for packet in video.encode(None):
            out.mux(packet)
        if audio is not None:
            n = round(seconds * 22050)
            tone = (0.05 * np.sin(2 * np.pi * 220 * np.arange(n) / 22050)).astype(np.float32)
            for start in range(0, n, 1024):
                chunk = np.ascontiguousarray(tone[None, start:start + 1024])
                af = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="mono")
                af.sample_rate, af.pts, af.time_base = 22050, start, Fraction(1, 22050)
                for packet in audio.encode(af):
                    out.mux(packet)
            for packet in audio.encode(None):
                out.mux(packet)


def captions(path: Path, lines: list[str]) -> None:
    cues = ["WEBVTT", ""]
    for i, line in enumerate(lines):
        cues += [f"00:00:0{i}.100 --> 00:00:0{i}.900", line, ""]
    path.write_text("\n".join(cues), encoding="utf-8")


def metadata(path: Path, rows: list[dict[str, str]]) -> None:
    fields = list(dict.fromkeys(k for row in rows for k in row))
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def article(path: Path, title: str, body: str, *, order: int, language: str = "en") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\nsource: {SOURCE}\nlanguage: {language}\norder: {order}\n---\n"
                    f"{body.strip()}\n", encoding="utf-8")


def toml(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


# -- the subjects ------------------------------------------------------------------------------
def one_tab(root: Path) -> None:
    s = root / "one-tab"
    toml(s / "subject.toml", f'''
        title = "The Ferry at Dawn"
        year = "1931"
        summary = "One short film: the first ferry of the day leaves the harbour. Touch it to watch."
        languages = ["en"]
        credit = "{CREDIT}"
        ''')
    (s / "video").mkdir(parents=True, exist_ok=True)
    film(s / "video" / "ferry.mp4", 200)
    picture(s / "video" / "ferry.jpg", "The ferry at dawn", 200, (640, 360))
    captions(s / "video" / "ferry.vtt", ["[engine starts]", "The ferry leaves", "at six o'clock."])
    (s / "video" / "ferry.txt").write_text("The ferry's engine starts; it leaves at six o'clock.\n", encoding="utf-8")
    metadata(s / "video" / "metadata.csv", [
        {"file": "ferry.mp4", "order": "1", "title": "The first ferry", "caption":
         "The first ferry of the day leaves the harbour at six.", "credit": CREDIT,
         "alt": "A light band moves across a blue screen."}])


LONG_TITLE = "The Lighthouse Keepers of the Northern Archipelago and Their Families, 1850–1950"
LONG_SUMMARY = ("Four generations kept the lights burning on islands without roads or electricity. "
                "Their logbooks, letters and photographs tell how the families lived, worked and "
                "schooled their children through storms, shipwrecks and two world wars.")


def one_language(root: Path) -> None:
    s = root / "one-language"
    toml(s / "subject.toml", f'''
        title = "{LONG_TITLE}"
        subtitle = "Logbooks, letters and photographs from the keepers' cottages"
        year = "1850–1950"
        summary = "{LONG_SUMMARY}"
        languages = ["en"]
        credit = "{CREDIT}"
        ''')
    article(s / "texts" / "overview.md", "Keeping the Light: An Overview of Ninety Years on the Islands",
            "The keepers lit the lamp at sunset and trimmed the wick through the night.\n\n"
            "Every hour they wrote the weather, the ships they saw and the state of the light in "
            "the logbook.", order=1)
    article(s / "texts" / "schooling.md", "Schooling Children on Islands Without a Schoolhouse",
            "Children learnt at the kitchen table. A teacher rowed out once a month with books "
            "and set the work for the weeks ahead.", order=2)
    rows = []
    for n, (name, words, title) in enumerate((
        ("northernmost-lighthouse-tower-in-winter.jpg", "Tower in winter", "The Northernmost Lighthouse Tower in Winter, Seen from the Supply Boat"),
        ("keepers-cottage-kitchen-table.png", "Kitchen table", "The Keepers' Cottage Kitchen Table Where the Children Did Their Lessons"),
    ), start=1):
        picture(s / "images" / name, words, 30 + 90 * n)
        rows.append({"file": name, "order": str(n), "title": title,
                     "caption": f"{title}. An invented picture for the tests.", "credit": CREDIT,
                     "alt": f"A coloured panel with the words '{words}'."})
    metadata(s / "images" / "metadata.csv", rows)


def three_languages(root: Path) -> None:
    s = root / "three-languages"
    toml(s / "subject.toml", f'''
        title = "The Market Square"
        subtitle = "A square and its stalls through a century"
        year = "1900–2000"
        summary = "How the market square changed, in pictures and a film."
        default_language = "en"
        languages = ["en", "ru", "de"]
        card = "images/square.jpg"
        credit = "{CREDIT}"

        [translations.ru]
        title = "Рыночная площадь"
        subtitle = "Площадь и её лавки за сто лет"
        summary = "Как менялась рыночная площадь: снимки и фильм."

        [translations.de]
        title = "Der Marktplatz"
        subtitle = "Ein Platz und seine Stände in hundert Jahren"
        summary = "Wie sich der Marktplatz verändert hat, in Bildern und einem Film."
        ''')
    for lang, title, body in (("en", "The square", "Stalls stood here every Saturday."),
                              ("ru", "Площадь", "Лавки стояли здесь каждую субботу."),
                              ("de", "Der Platz", "Hier standen jeden Samstag die Stände.")):
        name = "overview.md" if lang == "en" else f"overview.{lang}.md"
        article(s / "texts" / name, title, body, order=1, language=lang)
    words = {"square": ("The square", "Площадь", "Der Platz"), "stalls": ("The stalls", "Лавки", "Die Stände")}
    rows = []
    for n, (stem, (en, ru, de)) in enumerate(words.items(), start=1):
        picture(s / "images" / f"{stem}.jpg", en, 40 * n)
        picture(s / "images" / f"{stem}.ru.jpg", ru, 40 * n)
        picture(s / "images" / f"{stem}.de.jpg", de, 40 * n)
        rows.append({"file": f"{stem}.jpg", "order": str(n), "title": en, "caption": f"{en}, about 1950.",
                     "credit": CREDIT, "alt": f"A panel reading '{en}'.",
                     "title_ru": ru, "caption_ru": f"{ru}, около 1950 года.", "alt_ru": f"Панель с надписью «{ru}».",
                     "title_de": de, "caption_de": f"{de}, um 1950.", "alt_de": f"Eine Tafel mit der Aufschrift „{de}“."})
    metadata(s / "images" / "metadata.csv", rows)
    v = s / "video"
    v.mkdir(parents=True, exist_ok=True)
    for lang, hue, line in (("", 120, "Market day"), ("ru", 150, "Базарный день"), ("de", 180, "Markttag")):
        dot = f".{lang}" if lang else ""
        film(v / f"market{dot}.mp4", hue)
        picture(v / f"market{dot}.jpg", line, hue, (640, 360))
        captions(v / f"market{dot}.vtt", [line, line, line])
        (v / f"market{dot}.txt").write_text(f"{line}.\n", encoding="utf-8")
    metadata(v / "metadata.csv", [
        {"file": "market.mp4", "order": "1", "title": "Market day", "caption": "Stalls open in the morning.",
         "credit": CREDIT, "title_ru": "Базарный день", "caption_ru": "Утром открываются лавки.",
         "title_de": "Markttag", "caption_de": "Am Morgen öffnen die Stände."}])


TWELVE = (
    ("bridges", "Bridges of the River", "Twelve bridges, from fords to steel.", 10),
    ("bakers", "The Bakers' Guild", "Who baked the town's bread, and how.", 40),
    ("tram", "The Tramway", "Horse trams, electric trams and the last run in 1961.", 70),
    ("floods", "The Great Flood of 1909", "The river rose four metres in a night.", 100),
    ("school", "The First School", "A single room for eighty pupils.", 130),
    ("mills", "Water Mills", "Grain, wool and paper, all by water.", 160),
    ("fire", "The Fire Brigade", "From bucket chains to the first engine.", 190),
    ("post", "The Post Office", "Letters, telegrams and the telephone exchange.", 220),
    ("harbour-film", "A Harbour Film", "A film only: the harbour at work.", 250),
    ("gardens", "Allotment Gardens", "Vegetables between the railway lines.", 280),
    ("cinema", "The Picture Palace", "Silent films with a pianist, then talkies.", 310),
    ("market", "Market Day", "Saturday stalls in the square.", 340),
)
# Half of them are offered in Russian too, as in a museum where translation is under way.
RUSSIAN = {
    "bridges": ("Мосты через реку", "Двенадцать мостов: от бродов до стали."),
    "tram": ("Трамвай", "Конка, электрический трамвай и последний рейс в 1961 году."),
    "school": ("Первая школа", "Одна комната на восемьдесят учеников."),
    "fire": ("Пожарная команда", "От цепочки с вёдрами до первой пожарной машины."),
    "harbour-film": ("Фильм о гавани", "Только фильм: гавань за работой."),
    "cinema": ("Кинотеатр", "Немое кино с тапёром, потом звуковое."),
}


def twelve(root: Path) -> None:
    r = root / "twelve"
    for n, (sid, title, summary, hue) in enumerate(TWELVE, start=1):
        s = r / sid
        ru = RUSSIAN.get(sid)
        languages = '["en", "ru"]' if ru else '["en"]'
        translation = f'\n[translations.ru]\ntitle = "{ru[0]}"\nsummary = "{ru[1]}"\n' if ru else ""
        # `order` puts the bridges first and the market last, whatever the folder names say.
        toml(s / "subject.toml", f'''
            title = "{title}"
            year = "{1850 + n * 10}"
            summary = "{summary}"
            order = {n}
            languages = {languages}
            credit = "{CREDIT}"
            ''' + translation)
        if sid == "harbour-film":
            (s / "video").mkdir(parents=True, exist_ok=True)
            film(s / "video" / "harbour.mp4", hue, sound=False)
            picture(s / "video" / "harbour.jpg", title, hue, (640, 360))
            (s / "video" / "harbour.txt").write_text("A silent film of the harbour at work.\n", encoding="utf-8")
            row = {"file": "harbour.mp4", "order": "1", "title": title, "caption": summary, "credit": CREDIT}
            if ru:
                row.update(title_ru=ru[0], caption_ru=ru[1])
            metadata(s / "video" / "metadata.csv", [row])
            continue
        article(s / "texts" / "about.md", title, f"{summary} A short text for the tests.", order=1)
        if ru:
            article(s / "texts" / "about.ru.md", ru[0], f"{ru[1]} Короткий текст для тестов.", order=1,
                    language="ru")
        picture(s / "images" / "view.jpg", title, hue, (800, 500))
        row = {"file": "view.jpg", "order": "1", "title": title, "caption": summary, "credit": CREDIT,
               "alt": f"A coloured panel reading '{title}'."}
        if ru:
            row.update(title_ru=ru[0], caption_ru=ru[1], alt_ru=f"Цветная панель с надписью «{title}».")
        metadata(s / "images" / "metadata.csv", [row])


def main() -> int:
    for name, make in (("one-tab", one_tab), ("one-language", one_language),
                       ("three-languages", three_languages), ("twelve", twelve)):
        shutil.rmtree(HERE / name, ignore_errors=True)
        make(HERE)
        print(f"wrote tests/subjects/{name}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
