"""Caption parsing: what the caption box shows at each moment, and every broken cue named by line."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.captions import parse_captions
from kiosk.core.findings import FindingSink, Severity


def _parse(text: str, name: str = "c.vtt"):  # type: ignore[no-untyped-def]
    sink = FindingSink(Path("/x"))
    return parse_captions(text, Path("/x") / name, sink), sink.findings


def test_cue_shown_at_its_time() -> None:
    """A cue shows from its start up to (not including) its end."""
    track, findings = _parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello\nthere\n\n00:02.500 --> 00:04.000\nNext\n")
    assert findings == []
    assert track.text_at(999) == "" and track.text_at(1000) == "Hello\nthere"
    assert track.text_at(2499) == "Hello\nthere" and track.text_at(2500) == "Next"
    assert track.text_at(4000) == ""


def test_overlapping_cues_stack() -> None:
    """Overlapping cues show together, the earlier one on top."""
    track, _ = _parse("WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nNarrator\n\n00:00:02.000 --> 00:00:03.000\nSinger\n")
    assert track.text_at(2500) == "Narrator\nSinger"
    assert track.at(2500).text == "Singer"  # type: ignore[union-attr]
    assert track.text_at(4000) == "Narrator"


def test_styling_tags_removed() -> None:
    """WebVTT styling tags and voice spans are removed from what visitors read."""
    track, _ = _parse("WEBVTT\n\n00:01.000 --> 00:02.000 align:start\n<v Anna><i>Quiet</i> <c.loud>now</c></v>\n")
    assert track.text_at(1500) == "Quiet now"


def test_srt_with_comma_times_and_numbers() -> None:
    """SubRip files with numbered cues and comma milliseconds parse too."""
    track, findings = _parse("1\n00:00:01,000 --> 00:00:02,000\nOne\n\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n", "c.srt")
    assert findings == [] and [c.text for c in track.cues] == ["One", "Two"]


def test_bad_timestamps_name_their_lines() -> None:
    """Each malformed cue is an error at its own line; good cues around it still show."""
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nGood\n\n00:00:03 --> 00:00:04.000\nNo millis\n\n"
            "00:00:05.000 --> 00:00:04.000\nBackwards\n\nJust text with no timing\n\n00:00:07.000 --> 00:00:08.000\nGood too\n")
    track, findings = _parse(text)
    errors = [(f.line, f.message) for f in findings if f.severity is Severity.ERROR]
    assert [line for line, _ in errors] == [6, 9, 12]
    assert "timing" in errors[0][1] and "ends before it starts" in errors[1][1] and "no timing line" in errors[2][1]
    assert [c.text for c in track.cues] == ["Good", "Good too"]


def test_missing_header_and_long_lines() -> None:
    """A VTT without its header is an error; lines over 32 characters are a warning."""
    _, findings = _parse("00:01.000 --> 00:02.000\nHi\n")
    assert findings[0].severity is Severity.ERROR and findings[0].line == 1
    _, findings = _parse("WEBVTT\n\n00:01.000 --> 00:02.000\nThis caption line is far too long to read\n")
    assert findings[0].severity is Severity.WARNING and findings[0].line == 3


def test_notes_and_crlf() -> None:
    """NOTE blocks are skipped and Windows line endings work."""
    track, findings = _parse("WEBVTT\r\n\r\nNOTE made in an editor\r\n\r\n00:01.000 --> 00:02.000\r\nHi\r\n")
    assert findings == [] and track.text_at(1500) == "Hi"


def test_transcript_from_cues() -> None:
    """A transcript can be built from the cues when no transcript file exists."""
    track, _ = _parse("WEBVTT\n\n00:01.000 --> 00:02.000\nOne\ntwo\n\n00:03.000 --> 00:04.000\nThree\n")
    assert track.transcript() == "One two\nThree"


# -- the player's plain rules (kiosk.core.playback), which read captions and transcripts ----------


def test_caption_language_follows_visitor_then_default() -> None:
    """The visitor's language when there is a file for it, else the default, else any."""
    from kiosk.core.playback import pick_language

    files = {"en": Path("a.vtt"), "ru": Path("a.ru.vtt")}
    assert pick_language(files, "ru", "en") == "ru"
    assert pick_language(files, "de", "en") == "en"
    assert pick_language({"ru": Path("a.ru.vtt")}, "de", "en") == "ru"
    assert pick_language({}, "en", "en") is None


def test_cue_boundaries_with_hours_and_crlf() -> None:
    """Hour timestamps and Windows line ends parse; a cue ends exactly at its end time."""
    track, findings = _parse("WEBVTT\r\n\r\n01:00:00.000 --> 01:00:01.000\r\nLate\r\n")
    assert findings == [] and track.text_at(3_600_000) == "Late" and track.text_at(3_601_000) == ""


def test_film_that_stops_short_is_told_apart() -> None:
    """A film ending far short of its length was cut; one ending at its length was not."""
    from kiosk.core.playback import ended_early

    assert not ended_early(68_000, 68_000) and not ended_early(67_900, 68_000)
    assert ended_early(800, 2_000) and ended_early(30_000, 68_000) and ended_early(0, 0)


def test_times_on_the_controls() -> None:
    """Elapsed time counts up, remaining time counts down and reaches 0:00 only at the end."""
    from kiosk.core.playback import clock_text, remaining_text

    assert clock_text(65_400) == "1:05" and clock_text(3_723_000) == "1:02:03"
    assert remaining_text(0, 68_000) == "\u22121:08" and remaining_text(67_500, 68_000) == "\u22120:01"
    assert remaining_text(68_000, 68_000) == "\u22120:00"


def test_transcript_from_file_or_captions(tmp_path: Path) -> None:
    """The transcript file in the visitor's language comes first; without one, the captions."""
    from kiosk.core.playback import load_transcript

    vtt = tmp_path / "a.vtt"
    vtt.write_text("WEBVTT\n\n00:01.000 --> 00:02.000\nOne\ntwo\n", encoding="utf-8")
    txt = tmp_path / "a.ru.txt"
    txt.write_text("Расшифровка\n", encoding="utf-8")
    assert load_transcript({}, {"en": vtt}, "en", "en") == "One two"
    assert load_transcript({"ru": txt}, {"en": vtt}, "ru", "en") == "Расшифровка"
    assert load_transcript({"ru": txt}, {"en": vtt}, "en", "en") == "One two"  # own language first
    assert load_transcript({"ru": txt}, {}, "en", "en") == "Расшифровка"  # then whatever exists
