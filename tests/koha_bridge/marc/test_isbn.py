"""ISBNs cleaned of qualifiers, checked, and turned into the ISBN-13 cover services want."""

from koha_bridge.marc.isbn import clean_isbn, clean_issn, cover_isbn, is_valid_isbn, to_isbn13


def test_clean_isbn_drops_a_parenthesised_qualifier():
    assert clean_isbn("9780141439563 (pbk.)") == "9780141439563"


def test_clean_isbn_drops_a_price_so_its_digits_do_not_join_the_isbn():
    assert clean_isbn("0-393-96069-2 : £12.50") == "0393960692"


def test_clean_isbn_drops_hyphens_spaces_and_an_isbn_prefix():
    assert clean_isbn("ISBN 978-0-14-044793-4") == "9780140447934"
    assert clean_isbn("0 14 044793 8") == "0140447938"


def test_clean_isbn_keeps_a_final_x_in_upper_case():
    assert clean_isbn("0-8044-2957-x") == "080442957X"


def test_clean_isbn_is_empty_when_there_are_not_10_or_13_characters():
    assert clean_isbn("97801414395") == ""
    assert clean_isbn("(pbk.)") == ""
    assert clean_isbn("") == ""


def test_isbn_10_and_13_with_right_check_digits_are_valid():
    assert is_valid_isbn("0141439564")
    assert is_valid_isbn("9780141439563")
    assert is_valid_isbn("080442957X")
    assert is_valid_isbn("978-0-393-96069-3")


def test_isbn_with_a_wrong_check_digit_is_invalid():
    assert not is_valid_isbn("0141439565")
    assert not is_valid_isbn("9780141439564")


def test_x_is_only_a_check_digit_of_isbn_10():
    assert not is_valid_isbn("978014143956X")


def test_an_ismn_is_not_an_isbn_though_its_ean_checksum_is_right():
    assert not is_valid_isbn("9790060115615")


def test_isbn_10_converts_to_isbn_13_with_a_new_check_digit():
    assert to_isbn13("0-393-96069-2") == "9780393960693"
    assert to_isbn13("080442957X") == "9780804429573"


def test_isbn_13_stays_as_it_is():
    assert to_isbn13("9780141439563") == "9780141439563"


def test_invalid_isbn_has_no_isbn_13():
    assert to_isbn13("0141439565") == ""
    assert to_isbn13("not an isbn") == ""


def test_cover_isbn_is_the_first_valid_isbn_as_isbn_13():
    assert cover_isbn(["9780141439564", "0140447938", "9780141439563"]) == "9780140447934"
    assert cover_isbn(["12345"]) == ""
    assert cover_isbn([]) == ""


def test_clean_issn_gives_the_hyphenated_form():
    assert clean_issn("0028-0836") == "0028-0836"
    assert clean_issn("00280836 (print)") == "0028-0836"
    assert clean_issn("1234-567x") == "1234-567X"
    assert clean_issn("n/a") == ""


def test_an_issn_is_valid_with_its_check_digit_hyphen_or_not():
    from koha_bridge.marc.isbn import is_valid_issn

    assert is_valid_issn("0028-0836")
    assert is_valid_issn("03178471")
    assert is_valid_issn("0000006x")
    assert not is_valid_issn("0028-0837")
    assert not is_valid_issn("not an issn")
