"""Reading source texts as users really have them: BOMs, UTF-16, CRLF, legacy encodings."""

from __future__ import annotations

import codecs
from pathlib import Path

from drugstrat.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode a source file's bytes to text with `\\n` line ends.

    Without `encoding`: a BOM decides (UTF-8, UTF-16, UTF-32), otherwise the bytes must be
    UTF-8. Anything else is refused with the byte offset, never guessed, because a wrong guess
    silently corrupts every accented word a translator will later compare.
    """
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(f"{name}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: byte 0x{data[exc.start]:02x} at offset {exc.start} is not valid "
                f"{encoding}"
            ) from None
    else:
        text = _decode_detected(data, name)
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_detected(data: bytes, name: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                offset = exc.start + len(bom)
                raise InputError(
                    f"{name}: invalid {codec.upper()} at byte offset {offset}"
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        hint = (
            "it looks like UTF-16 without a byte-order mark"
            if data[:200].count(0) > len(data[:200]) // 4
            else "if the file is in a legacy encoding, pass it with --encoding (e.g. cp1252)"
        )
        raise InputError(
            f"{name}: not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} "
            f"cannot be decoded; {hint}"
        ) from None


def read_source(path: Path, encoding: str | None = None) -> str:
    """Read and decode one language version; an empty or unreadable file is an error, and so
    is anything but a regular file (`/dev/zero` never ends) or one past the size limit."""
    from drugstrat.storage.limits import read_regular

    try:
        data = read_regular(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    text = decode(data, str(path), encoding)
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    return text
