"""What kind of file a policy document is, told from its first bytes rather than its name.

Government sites publish ``.doc`` files that are really HTML, and a ``.docx`` that Word
protected with a password is not a zip at all but an OLE compound file holding an encrypted
package; so the content decides and the suffix only names the format in messages.
"""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

from matrixdesk.parse.encoding import ParseError

MAX_FILE_BYTES = 64 * 1024 * 1024  # the largest document file read
MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # what the parts of a .docx/.xlsx may unpack to

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"

# Formats that must be saved again before they are read: suffix → (name, suffix to save as).
# The program that saves them again: a workbook goes to Excel, an OFD file to its reader.
SAVED_AGAIN_IN = {".xlsx": "Excel or WPS", ".pdf": "an OFD reader or WPS"}
OLD_FORMATS = {
    "doc": ("Word 97-2003 document (.doc)", ".docx"),
    "wps": ("WPS Writer document (.wps)", ".docx"),
    "rtf": ("Rich Text Format document (.rtf)", ".docx"),
    "xls": ("Excel 97-2003 workbook (.xls)", ".xlsx"),
    "et": ("WPS Spreadsheets workbook (.et)", ".xlsx"),
    "odt": ("OpenDocument text (.odt)", ".docx"),
    "ods": ("OpenDocument spreadsheet (.ods)", ".xlsx"),
    "ofd": ("OFD document (.ofd)", ".pdf"),
}


def old_format(name: str, kind: str) -> ParseError:
    """The refusal of a format that must be saved as .docx/.xlsx first; ``detail`` = suffix."""
    label, target = OLD_FORMATS[kind]
    article = "an" if label[0] in "AEIOU" else "a"
    program = SAVED_AGAIN_IN.get(target, "Word or WPS")
    return ParseError(
        f"{name}: this is {article} {label}, which MatrixDesk does not read; open it in "
        f"{program} and save it as {target}, then import that file.",
        "old-format",
        detail=kind,
    )


def read_limited(path: Path) -> bytes:
    """The file's bytes, refusing a missing, unreadable, empty or too big file."""
    try:
        info = path.stat()
        size = info.st_size
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device could wait or stream forever
            raise ParseError(f"Not a document file but a pipe or device: {path}", "special")
        if size > MAX_FILE_BYTES:
            raise ParseError(
                f"{path.name} is too big to be a policy document ({size / 2**20:.0f} MB; "
                f"at most {MAX_FILE_BYTES // 2**20} MB are read).",
                "too-big",
            )
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)  # bounded even if it grows while we read
        if len(data) > MAX_FILE_BYTES:
            raise ParseError(f"{path.name} is too big to be a policy document.", "too-big")
    except FileNotFoundError:
        raise ParseError(f"File not found: {path}", "missing") from None
    except IsADirectoryError:
        raise ParseError(f"Not a file but a directory: {path}", "directory") from None
    except OSError as exc:
        raise ParseError(f"Cannot read {path}: {exc.strerror or exc}") from None
    if not data.strip():
        raise ParseError(f"The file is empty: {path}", "empty")
    return data


def _ole_kind(data: bytes, suffix: str) -> str:
    """``encrypted`` for a password-protected .docx/.xlsx, else the old format it holds."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "encrypted"
    if suffix in ("wps", "et", "xls", "doc"):
        return suffix
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data[:65536]:
        return "xls"
    return "doc"


def _zip_kind(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise ParseError(f"{name} is damaged: not a complete zip package.", "damaged") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise ParseError(
            f"{name} unpacks to {unpacked / 2**20:.0f} MB, too big to be a policy document.",
            "too-big",
        )
    if "word/document.xml" in names or any(n.endswith("document.xml") for n in names):
        return "docx"
    if "xl/workbook.xml" in names or any(n.endswith("workbook.xml") for n in names):
        return "xlsx"
    if "content.xml" in names:
        return "ods" if b"opendocument.spreadsheet" in data[:200] else "odt"
    if "Doc_0/Document.xml" in names or "OFD.xml" in names:
        return "ofd"
    raise ParseError(
        f"{name} is a zip archive but neither a Word (.docx) nor an Excel (.xlsx) file.",
        "unsupported",
    )


# A scanned page is often sent as a picture: its format by its first bytes.
PICTURES = {
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
}


def picture_format(data: bytes) -> str:
    """The picture format (PNG, JPEG, GIF or TIFF) ``data`` starts as, else an empty string."""
    return next((name for magic, name in PICTURES.items() if data.startswith(magic)), "")


def file_kind(data: bytes, path: Path) -> str:
    """``docx``, ``xlsx``, ``pdf``, ``text`` (text or HTML), ``encrypted``, ``image`` (a
    picture), or an old format (a key of :data:`OLD_FORMATS`)."""
    suffix = path.suffix.lower().lstrip(".")
    if picture_format(data):
        return "image"
    if data.startswith(_OLE):
        return _ole_kind(data, suffix)
    if data.startswith(_ZIP):
        return _zip_kind(data, path.name)
    if data[:1024].lstrip().startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if suffix in ("docx", "xlsx", "pdf"):  # claims a binary format but is none
        raise ParseError(
            f"{path.name} is damaged or not really a .{suffix} file.", "damaged", detail=suffix
        )
    return "text"
