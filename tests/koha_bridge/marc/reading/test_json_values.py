"""JSON values one at a time from a file: an array's elements, or values one after another."""

import contextlib
import io
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from koha_bridge.marc.reading.json_values import MalformedJson, json_array_items, json_values
from tests.koha_bridge.marc.reading.streams import TrickleFile

VALUES = [{"leader": "x", "fields": [{"245": {"subfields": [{"a": "Кобзар"}]}}]}, {"n": 1.5}]


def read(data: bytes, step: int = 3, **options) -> list:
    return list(json_values(TrickleFile(data, step), **options))


def test_the_elements_of_an_array_come_one_by_one():
    assert read(json.dumps(VALUES, ensure_ascii=False).encode()) == VALUES


def test_json_lines_give_one_value_per_line():
    lines = "\n".join(json.dumps(value, ensure_ascii=False) for value in VALUES) + "\n"
    assert read(lines.encode()) == VALUES


def test_a_single_object_is_one_value():
    assert read(json.dumps(VALUES[0]).encode()) == [VALUES[0]]


def test_white_space_and_a_byte_order_mark_are_allowed():
    data = b"\xef\xbb\xbf \n[ " + json.dumps(VALUES[0]).encode() + b" ,\n\t1 ]\n"
    assert read(data) == [VALUES[0], 1]


def test_line_breaks_inside_strings_are_allowed_as_pymarc_allows_them():
    assert read(b'[{"a": "Dylan,\n  Bob"}]') == [{"a": "Dylan,\n  Bob"}]


def test_an_empty_file_and_an_empty_array_have_no_values():
    assert read(b"") == [] and read(b"  [ ]  ") == []


def test_a_number_cut_by_a_block_boundary_is_one_number():
    assert read(b"[12345678]", step=2) == [12345678]


def test_the_values_before_a_fault_come_first_then_the_fault_says_where():
    values = json_values(io.BytesIO(b'[{"a": 1}, {"b": ]'))
    assert next(values) == {"a": 1}
    with pytest.raises(MalformedJson, match="at character 17"):
        next(values)


def test_an_array_cut_short_is_malformed():
    with pytest.raises(MalformedJson, match="cut short"):
        read(b'[{"a": 1}, {"b": 2}')


def test_text_after_the_array_is_malformed():
    with pytest.raises(MalformedJson, match="after the array"):
        read(b'[{"a": 1}] {"b": 2}')


def test_the_first_value_comes_before_the_file_is_read_to_its_end():
    data = json.dumps([VALUES[0]] * 2000).encode()
    file = TrickleFile(data, step=4096)
    assert next(json_values(file)) == VALUES[0]
    assert file.read_so_far < len(data) // 10


def test_text_in_another_encoding_is_read_with_it():
    data = json.dumps(["Кобзар"], ensure_ascii=False).encode("cp1251")
    assert read(data, encoding="cp1251") == ["Кобзар"]


def test_bytes_that_are_not_utf8_become_replacement_characters():
    assert read('["Кобзар"]'.encode("cp1251")) == ["\ufffd" * 6]


json_documents = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=4), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(json_documents, max_size=5), st.integers(1, 50), st.booleans())
def test_any_array_reads_as_json_reads_it_whatever_the_block_size(values, step, indent):
    data = json.dumps(values, ensure_ascii=False, indent=2 if indent else None).encode()
    assert read(data, step=step) == values


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200), st.integers(1, 50))
def test_arbitrary_bytes_give_values_or_a_malformed_json_error(data, step):
    with contextlib.suppress(MalformedJson):
        read(data, step=step)


def test_array_items_come_with_their_text_as_written():
    text = ' [{"a": [1, 2]} ,\n{"b":"K\\u00f6ln"}, 3 ] \n'

    assert json_array_items(text) == [
        ({"a": [1, 2]}, '{"a": [1, 2]}'),
        ({"b": "Köln"}, '{"b":"K\\u00f6ln"}'),
        (3, "3"),
    ]
    assert json_array_items("[ ]") == []


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("{}", "expected an array at character 0"),
        ("[1,]", "Expecting value at character 3"),
        ("[1 2]", "expected ',' or ']' at character 3"),
        ("[1", "expected ',' or ']' at character 2"),
        ("[1] []", "text after the array at character 3"),
        ('["a\nb"]', "Invalid control character at character 3"),  # HTTP APIs escape them
    ],
)
def test_text_that_is_not_one_array_is_malformed_and_says_where(text, said):
    with pytest.raises(MalformedJson, match=re.escape(said)):
        json_array_items(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.recursive(
            st.none() | st.integers() | st.text(),
            lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
            max_leaves=5,
        )
    )
)
def test_array_items_read_back_what_was_written(values):
    text = json.dumps(values, ensure_ascii=False, indent=1)
    items = json_array_items(text)
    assert [value for value, _text in items] == values
    assert [json.loads(written) for _value, written in items] == values
