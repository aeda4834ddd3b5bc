"""``rfid-sip2 tag``: decode, encode and self-test tag data, for staff and installers.

``decode HEX`` prints the tag as JSON; ``encode`` prints the bytes to write in hex;
``selftest HEX --item ID`` prints the settings that read a known tag. Bad input or a tag that
decodes under no model gives one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import Any

from rfid_sip2.cli import EXIT_CONFIG, EXIT_OK, EXIT_REFUSED
from rfid_sip2.rfid.iso28560_2 import DataElement
from rfid_sip2.rfid.iso28560_3_blocks import LibraryExtension, RawBlock, TitleBlock
from rfid_sip2.rfid.tag_values import ISO28560_2, ISO28560_3, MODELS, THREE_M
from rfid_sip2.rfid.tags import (
    ItemTag,
    TagSettings,
    UndecodableTag,
    Usage,
    decode,
    encode,
    suggest_settings,
)
from rfid_sip2.rfid.three_m import ThreeMFields


def _hex(text: str) -> bytes:
    cleaned = "".join(text.split()).replace(":", "").replace("-", "")
    cleaned = cleaned[2:] if cleaned[:2].lower() == "0x" else cleaned
    try:
        memory = bytes.fromhex(cleaned)
    except ValueError:
        raise ValueError(f"not hexadecimal tag memory: {text!r}") from None
    if not memory:
        raise ValueError("the tag memory is empty")
    return memory


def _byte(text: str) -> int:
    try:
        value = int(text, 16)
    except ValueError:
        value = -1
    if not 0 <= value <= 0xFF:
        raise ValueError(f"the DSFID is one byte in hex (06, 0x06), not {text!r}")
    return value


def _number(text: str, what: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"{what} is a number, not {text!r}") from None


def _usage(text: str) -> Usage:
    kind, _, qualifier = text.partition(".")
    try:
        return Usage(int(kind), int(qualifier or 0))
    except ValueError:
        raise ValueError(
            f"usage {text!r} is CLASS[.QUALIFIER], each 0-15 (1 = circulating, 8 = patron card)"
        ) from None


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.hex().upper()
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _extension(item: Any) -> dict[str, Any]:
    shown = {"type": type(item).__name__, **_plain(dataclasses.asdict(item))}
    if isinstance(item, RawBlock):
        shown.update(block_id=item.block_id, checksum_ok=item.checksum_ok)
    return shown


def tag_json(tag: ItemTag) -> dict[str, Any]:
    """The tag as plain JSON values."""
    shown: dict[str, Any] = {
        "model": tag.model,
        "item_id": tag.item_id,
        "owner_isil": tag.owner_isil,
        "parts": tag.parts,
        "part": tag.part,
        "usage": None,
        "media_format": tag.media_format,
        "title": tag.title,
        "extensions": [_extension(item) for item in tag.extensions],
    }
    if tag.usage is not None:
        shown["usage"] = {
            "class": tag.usage.kind,
            "qualifier": tag.usage.qualifier,
            "description": tag.usage.description,
            "patron_card": tag.usage.is_patron_card,
            "not_for_issue_offline": tag.usage.not_for_issue_offline,
            "not_for_return_offline": tag.usage.not_for_return_offline,
        }
    if tag.model == ISO28560_3:
        shown["version"] = tag.version
    if tag.layout:
        shown["layout"] = [dataclasses.asdict(placement) for placement in tag.layout]
    return shown


def _settings(args: argparse.Namespace) -> TagSettings:
    return TagSettings(
        reverse_blocks=args.reverse_blocks,
        swap_nibbles=args.swap_nibbles,
        crc_msb_first=args.crc_msb_first,
        block_size=args.block_size,
        models=tuple(args.models or MODELS),
        memory_size=getattr(args, "memory_size", None),
    )


def _decode(args: argparse.Namespace) -> int:
    dsfid = _byte(args.dsfid) if args.dsfid is not None else None
    tag = decode(_hex(args.memory), _settings(args), dsfid)
    print(json.dumps(tag_json(tag), ensure_ascii=False, indent=2))
    return EXIT_OK


def _extensions(args: argparse.Namespace) -> tuple[Any, ...]:
    if args.model == THREE_M:
        media_type = _number(args.media_format or "0", "the 3M media type")
        return (ThreeMFields(media_type, args.branch, args.library, args.custom),)
    if args.model == ISO28560_3:
        blocks: list[Any] = []
        if args.media_format is not None:
            blocks.append(LibraryExtension(_number(args.media_format, "the media format")))
        if args.title:
            blocks.append(TitleBlock(args.title))
        return tuple(blocks)
    return tuple(DataElement(oid, value) for oid, value in args.element or ())


def _encode(args: argparse.Namespace) -> int:
    two = args.model == ISO28560_2
    tag = ItemTag(
        model=args.model,
        item_id=args.item,
        owner_isil=args.isil,
        parts=args.parts,
        part=args.part,
        usage=_usage(args.usage) if args.usage else None,
        media_format=args.media_format if two else None,
        title=args.title if two else None,
        extensions=_extensions(args),
    )
    print(encode(tag, _settings(args)).hex().upper())
    return EXIT_OK


def _selftest(args: argparse.Namespace) -> int:
    memory = _hex(args.memory)
    found = suggest_settings(memory, args.item, _settings(args))
    if not found:
        print(
            f"rfid-sip2: no settings read this memory as item {args.item!r}: "
            "check the item id, and that the reader returned the tag from block 0",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    shown = []
    for settings in found:
        tag = decode(memory, settings)
        shown.append(
            {
                "model": tag.model,
                "reverse_blocks": settings.reverse_blocks,
                "swap_nibbles": settings.swap_nibbles,
                "crc_msb_first": settings.crc_msb_first,
                "block_size": settings.block_size,
            }
        )
    print(json.dumps(shown, indent=2))
    return EXIT_OK


def _guarded(command: Any) -> Any:
    """Runs a command; bad input and undecodable tags become one line on stderr."""

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except UndecodableTag as error:
            print(f"rfid-sip2: {error}", file=sys.stderr)
            return EXIT_REFUSED
        except ValueError as error:
            print(f"rfid-sip2: {error}", file=sys.stderr)
            return EXIT_CONFIG

    return run


def _element(text: str) -> tuple[int, str]:
    oid, separator, value = text.partition("=")
    if not separator or not oid.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not OID=VALUE")
    return int(oid), value


def _quirk_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reverse-blocks", action="store_true", help="the reader reverses each block's bytes"
    )
    parser.add_argument(
        "--swap-nibbles", action="store_true", help="ISO 28560-3 byte 0 with its nibbles swapped"
    )
    parser.add_argument(
        "--crc-msb-first", action="store_true", help="ISO 28560-3 CRC stored high byte first"
    )
    parser.add_argument("--block-size", type=int, choices=(4, 8), default=4)


def add_commands(subparsers: Any) -> None:
    """Adds ``tag decode``, ``tag encode`` and ``tag selftest`` to the ``rfid-sip2`` commands."""
    tag = subparsers.add_parser("tag", help="decode, encode and self-test RFID tag data")
    actions = tag.add_subparsers(dest="tag_action", required=True)

    reading = actions.add_parser("decode", help="tag memory (hex, from block 0) as JSON")
    reading.add_argument("memory", metavar="HEX")
    reading.add_argument("--dsfid", help="the tag's DSFID (06 means ISO 28560-2)")
    reading.add_argument(
        "--model", dest="models", action="append", choices=MODELS, help="try only these models"
    )
    _quirk_options(reading)
    reading.set_defaults(run=_guarded(_decode))

    writing = actions.add_parser("encode", help="the bytes to write, in hex")
    writing.add_argument("--model", required=True, choices=MODELS)
    writing.add_argument("--item", required=True, help="primary item identifier (barcode)")
    writing.add_argument("--isil", help="owner library's ISIL, e.g. DK-718500")
    writing.add_argument("--parts", type=int, default=1, help="number of parts in the set")
    writing.add_argument("--part", type=int, default=1, help="this part's number in the set")
    writing.add_argument("--usage", help="type of usage CLASS[.QUALIFIER], e.g. 1 or 1.3")
    writing.add_argument(
        "--media-format",
        help="ISO 28560-2: ONIX code (BA = book); ISO 28560-3: library extension media format "
        "0-6; 3M: media type number",
    )
    writing.add_argument("--title")
    writing.add_argument(
        "--element",
        action="append",
        type=_element,
        metavar="OID=TEXT",
        help="ISO 28560-2: another data element, e.g. 6=Fiction",
    )
    writing.add_argument("--branch", type=int, default=0, help="3M: branch number")
    writing.add_argument("--library", type=int, default=0, help="3M: library number")
    writing.add_argument("--custom", type=int, default=0, help="3M: custom field")
    writing.add_argument("--memory-size", type=int, help="the tag's memory in bytes")
    writing.set_defaults(models=None)
    _quirk_options(writing)
    writing.set_defaults(run=_guarded(_encode))

    checking = actions.add_parser(
        "selftest", help="read a tag whose item id you know: the settings that read it"
    )
    checking.add_argument("memory", metavar="HEX")
    checking.add_argument("--item", required=True, help="the item id the tag should hold")
    checking.set_defaults(
        models=None,
        reverse_blocks=False,
        swap_nibbles=False,
        crc_msb_first=False,
        block_size=4,
        run=_guarded(_selftest),
    )
