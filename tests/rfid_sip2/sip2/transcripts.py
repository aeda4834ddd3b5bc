"""SIP2 wire lines copied byte for byte from the project's SIP2 reference (transcripts.txt).

Each line keeps the number, direction, checksum status and source that transcripts.txt gives
it; the bytes are the line without its CR. Titles in the Evergreen lines are UTF-8 in NFD
(combining accents), so they are written as escaped bytes. Status: AZ-OK = the trailer
verifies over the UTF-8 bytes; AZ-BAD = it does not, and ``expected`` is the checksum the
transcript says is correct; no-AZ = sent without error detection. The tests never read the
reference itself: this module is their copy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    number: int  # [NNN] in transcripts.txt
    direction: str  # "SC->ACS" or "ACS->SC"
    status: str  # "AZ-OK", "AZ-BAD" or "no-AZ"
    source: str
    wire: bytes
    expected: str | None = None  # AZ-BAD: the checksum the bytes really have
    note: str = ""


LINES: tuple[Line, ...] = (
    Line(
        number=1,
        direction="SC->ACS",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @b480321 t/0001_checksum.t (comment: 'see "
            "page 26 of the 3M SIP2 Developers Guide')"
        ),
        wire=b"990 402.00AY1AZFCB4",
        note=(
            "99 with status 0, max print width ' 40', version 2.00; the only example "
            "attributed to a 3M guide"
        ),
    ),
    Line(
        number=2,
        direction="SC->ACS",
        status="AZ-BAD",
        source="evergreen-library-system/SIPServer @b480321 t/0001_checksum.t",
        wire=b"9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZEC78",
        expected="EC7B",
        note=(
            "KNOWN-BAD checksum (correct is EC7B, see node-sip2); this 2010 test was "
            "replaced in 5f3de48 as 'failing'"
        ),
    ),
    Line(
        number=3,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t ('example from CASSIE')"
        ),
        wire=b"941AY0AZFDFD",
    ),
    Line(
        number=4,
        direction="SC->ACS",
        status="AZ-OK",
        source="evergreen-library-system/SIPServer @0483b04 test.txt",
        wire=b"97AZFEF5",
        note="97 with checksum, no AY (as the spec requires)",
    ),
    Line(
        number=5,
        direction="SC->ACS",
        status="no-AZ",
        source="evergreen-library-system/SIPServer @0483b04 test.txt",
        wire=b"2300120060101    084235AOUWOLS|AAdjfiander|ACterminal password|ADuser password|",
        note="no error detection",
    ),
    Line(
        number=6,
        direction="SC->ACS",
        status="no-AZ",
        source="evergreen-library-system/SIPServer @0483b04 test.txt",
        wire=b"9300CNLoginUserID|COLoginPassword|CPLocationCode|",
        note="no error detection",
    ),
    Line(
        number=7,
        direction="SC->ACS",
        status="no-AZ",
        source="evergreen-library-system/SIPServer @0483b04 test.txt",
        wire=b"11YN20060329    203000                  AOUWOLS|AAdjfiander|AB1565921879|AC|",
        note="no error detection; 18-blank nb due date",
    ),
    Line(
        number=8,
        direction="SC->ACS",
        status="no-AZ",
        source="evergreen-library-system/SIPServer @0483b04 test.txt",
        wire=(
            b"09Y20060102    08423620060113    084235APUnder the bed|AOUWOLS|AB1565921879|ACter"
            b"minal password|"
        ),
        note="no error detection",
    ),
    Line(
        number=9,
        direction="SC->ACS",
        status="no-AZ",
        source="evergreen-library-system/SIPServer @0483b04 test.txt",
        wire=b"01N20060102    084238AOUWOLS|ALHe's a jerk|AAdjfiander|ACterminal password|",
        note="no error detection",
    ),
    Line(
        number=10,
        direction="SC->ACS",
        status="no-AZ",
        source="evergreen-library-system/SIPServer @0483b04 test.txt",
        wire=b"2520060102    084238AOUWOLS|AAdjfiander|ACterminal password|AD6789|",
        note="no error detection",
    ),
    Line(
        number=11,
        direction="SC->ACS",
        status="no-AZ",
        source="evergreen-library-system/SIPServer @0483b04 test.txt",
        wire=b"9910302.00",
        note="no error detection",
    ),
    Line(
        number=12,
        direction="SC->ACS",
        status="no-AZ",
        source="evergreen-library-system/SIPServer @0483b04 test.txt",
        wire=b"3520060110    084237AOUWOLS|AAdjfiander|AD6789|",
        note="no error detection",
    ),
    Line(
        number=13,
        direction="SC->ACS",
        status="no-AZ",
        source="evergreen-library-system/SIPServer @0483b04 test.txt",
        wire=b"1720060110    215612AOUWOLS|AB1565921879|",
        note="no error detection",
    ),
    Line(
        number=14,
        direction="SC->ACS",
        status="no-AZ",
        source="evergreen-library-system/SIPServer @0483b04 test.txt",
        wire=b"6300020060329    201700Y         AOUWOLS|AAdjfiander|",
        note="no error detection",
    ),
    Line(
        number=15,
        direction="SC->ACS",
        status="no-AZ",
        source="evergreen-library-system/SIPServer @0483b04 test.txt",
        wire=(
            b"15+20060415    110158BW20060815    110158|BSTaylor|BY2|AOUWOLS|AAdjfiander|AB1565"
            b"921879|"
        ),
        note="no error detection",
    ),
    Line(
        number=16,
        direction="SC->ACS",
        status="no-AZ",
        source="evergreen-library-system/SIPServer @0483b04 test.txt",
        wire=b"15-20060415    110158AOUWOLS|AAdjfiander|AB1565921879|",
        note="no error detection",
    ),
    Line(
        number=17,
        direction="SC->ACS",
        status="no-AZ",
        source="evergreen-library-system/SIPServer @0483b04 test.txt",
        wire=b"29NN20060415    110158                  AOUWOLS|AAdjfiander|AD6789|AB1565921879|",
        note="no error detection; 18-blank nb due date",
    ),
    Line(
        number=18,
        direction="SC->ACS",
        status="no-AZ",
        source="evergreen-library-system/SIPServer @0483b04 test.txt",
        wire=b"6520060415    110158AOUWOLS|AAdjfiander|AD6789|",
        note="no error detection",
    ),
    Line(
        number=19,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110249AB30007008637257|AJVie d'Isabelle Eberhardt |CK001|AQOS"
            b"UL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP   EAU|AY6AZDB4E"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=20,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110249AB30007008503046|AJLe Pie\xcc\x80ge de Bogota|CK001|AQO"
            b"SUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP DAL|AY7AZDCF8"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=21,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110249AB30007008317298|AJUne e\xcc\x81pouse presque parfaite!"
            b" |CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP COL|AY8AZD852"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=22,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110249AB30007008644659|AJLe diable de Blind River : une enque"
            b"\xcc\x82te d'Alex McKnight|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB "
            b"LP  HAM|AY9AZD050"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=23,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110249AB30007008641556|AJLa sorcie\xcc\x80re de Portobello|CK"
            b"001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP  COE|AY0AZD99C"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=24,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110249AB30007007632515|AJMeurtre a\xcc\x80 Canton : (les dern"
            b"ie\xcc\x80res enque\xcc\x82tes du juge Ti)|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-2"
            b"8 23:59:59|CSPB LP GUL|AY1AZCD67"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=25,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110250AB30007001211936|AJL' E\xcc\x81nigme du clou chinois|CK"
            b"001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP     GUL|AY2AZD9CF"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=26,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110250AB30007007632564|AJAssassins et poe\xcc\x80tes|CK001|AQ"
            b"OSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP GUL|AY3AZDBA5"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=27,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110250AB30007008611161|AJUne vie n'est pas assez|CK001|AQOSUL"
            b"|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP GRO|AY4AZDC23"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=28,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110250AB30007008317199|AJLa touche e\xcc\x81toile : roman|CK0"
            b"01|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP  GRO|AY5AZDA50"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=29,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110250AB30007008619875|AJLe troisie\xcc\x80me homme suivi de "
            b"Premie\xcc\x80re de\xcc\x81sillusion|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:5"
            b"9:59|CSPB LP GRE|AY6AZCE34"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=30,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110250AB30007008641424|AJLe zahir|CK001|AQOSUL|APOSUL|BGOSUL|"
            b"AH2011-10-28 23:59:59|CSPB LP COE|AY7AZE174"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=31,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110251AB30007008432675|AJIncendiaire|CK001|AQOSUL|APOSUL|BGOS"
            b"UL|AH2011-10-28 23:59:59|CSPB LP CLE|AY8AZE003"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=32,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110251AB30007001210029|AJLa Mort n'est pas une fin|CK001|AQOS"
            b"UL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP     CHR|AY9AZDB4F"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=33,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110251AB30007008637232|AJL'E mpire des loups : roman|CK001|AQ"
            b"OSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP   GRA|AY0AZDAE9"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=34,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110251AB30007001210078|AJLe Miroir se brisa|CK001|AQOSUL|APOS"
            b"UL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP     CHR|AY1AZDD80"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=35,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110251AB30007001210128|AJTe\xcc\x81moin a\xcc\x80 charge : hu"
            b"it nouvelles ine\xcc\x81dites|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CS"
            b"PB LP     CHR|AY2AZD0EC"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=36,
        direction="ACS->SC",
        status="AZ-OK",
        source=(
            "evergreen-library-system/SIPServer @0483b04 t/0001_checksum.t (real Evergreen "
            "18 responses, commit 5f3de48 'valid checkout tests')"
        ),
        wire=(
            b"1804020120110630    110251AB30007008637216|AJLa nuit du renard : roman|CK001|AQOS"
            b"UL|APOSUL|BGOSUL|AH2011-10-18 23:59:59|CSPB LP   CLA|AY3AZDB71"
        ),
        note=(
            "UTF-8 bytes in NFD (combining accents) where titles are accented; CS is a local "
            "(non-3M) field"
        ),
    ),
    Line(
        number=42,
        direction="SC->ACS",
        status="AZ-OK",
        source="inveniosoftware-contrib/invenio-sip2 @0aa6bd5 tests/fixtures/messages.py",
        wire=b"9300CNinfo@test.org|COtester|CPselfcheck_location|AY0AZEB8C",
        note="failed-login fixture",
    ),
    Line(
        number=43,
        direction="SC->ACS",
        status="AZ-OK",
        source="inveniosoftware-contrib/invenio-sip2 @0aa6bd5 tests/fixtures/messages.py",
        wire=b"9300CNlibrarian@test.com|CO123456|CPselfcheck_location|AY1AZEAEE",
    ),
    Line(
        number=44,
        direction="SC->ACS",
        status="AZ-OK",
        source="inveniosoftware-contrib/invenio-sip2 @0aa6bd5 tests/fixtures/messages.py",
        wire=b"9900802.00AY1AZFCA0",
    ),
    Line(
        number=45,
        direction="SC->ACS",
        status="AZ-BAD",
        source="inveniosoftware-contrib/invenio-sip2 @0aa6bd5 tests/fixtures/messages.py",
        wire=(
            b"6300020200716    211818Y         AOinstitution_id|AApatron_identifier|ADpatron_pw"
            b"d|AY3AZECEC"
        ),
        expected="E48A",
        note="checksum in fixture is wrong",
    ),
    Line(
        number=46,
        direction="SC->ACS",
        status="AZ-BAD",
        source="inveniosoftware-contrib/invenio-sip2 @0aa6bd5 tests/fixtures/messages.py",
        wire=b"1720201012    123755AOinstitution_id|ABitem_id|AY2AZF4D2",
        expected="F016",
        note="checksum in fixture is wrong",
    ),
    Line(
        number=47,
        direction="SC->ACS",
        status="AZ-BAD",
        source="inveniosoftware-contrib/invenio-sip2 @0aa6bd5 tests/fixtures/messages.py",
        wire=(
            b"11YN20201013    09315820201013    093158AOinstitution_id|AApatron_id|ABitem_id|AC"
            b"terminal_password|AY0AZEC96"
        ),
        expected="DF44",
        note="checksum copied between fixtures; wrong",
    ),
    Line(
        number=48,
        direction="SC->ACS",
        status="no-AZ",
        source="inveniosoftware-contrib/invenio-sip2 @0aa6bd5 tests/fixtures/messages.py",
        wire=b"2300220201124    162421AOinstitution_id|AApatron_identifier|ADpatron_pwd",
        note="no AC, no trailing delimiter",
    ),
    Line(
        number=49,
        direction="SC->ACS",
        status="AZ-BAD",
        source="inveniosoftware-contrib/invenio-sip2 @0aa6bd5 tests/fixtures/messages.py",
        wire=(
            b"3720221013    0931580402EUR|BV2.50|AOinstitution_id|AApatron_id|CGfee_identifier|"
            b"BKtransaction_id|AY0AZEC96"
        ),
        expected="DD92",
        note="stray '|' after currency; wrong checksum",
    ),
    Line(
        number=119,
        direction="ACS->SC",
        status="AZ-OK",
        source="frankdsm/node-sip2 @92a377e test/responses.js",
        wire=b"941AY3AZFDFA",
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=120,
        direction="ACS->SC",
        status="AZ-BAD",
        source="frankdsm/node-sip2 @92a377e test/responses.js",
        wire=(
            b"98YYYNYN01000319960214    1447001.00AOID_21|AMCentral Library|ANtty30|AFScreen Me"
            b"ssage|AGPrint Message|AY1AZDA74"
        ),
        expected="DEC6",
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=121,
        direction="ACS->SC",
        status="AZ-BAD",
        source="frankdsm/node-sip2 @92a377e test/responses.js",
        wire=(
            b"24              00119960212    100239AO|AA104000000105|AEJohn Doe|AFScreen Messag"
            b"e|AGCheck Print message|AY2AZDFC4"
        ),
        expected="E21B",
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=122,
        direction="ACS->SC",
        status="AZ-BAD",
        source="frankdsm/node-sip2 @92a377e test/responses.js",
        wire=(
            b"64              00119980723 104009000100000002000100020000AOInstitutionID for Pat"
            b"ronID|AAPatronID|AEPatron Name|BZ0002|CA0003|CB0010|BLY|ASItemID1 for PatronID|AU"
            b"ChargeItem1|AUChargeItem2|BDHome Address|BEE Mail Address|BFHome Phone for Patron"
            b"ID|AFScreenMessage 0 for PatronID, Language 1|AFScreen Message 1 for PatronID, La"
            b"nguage 1|AFScreen Message 2 for PatronID, Language 1|AGPrint Line 0 for PatronID,"
            b" Language 1|AGPrint Line 1 for PatronID, Language 1|AGPrint Line 2 for PatronID, "
            b"language 1|AY4AZ608F"
        ),
        expected="5E90",
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=123,
        direction="ACS->SC",
        status="AZ-BAD",
        source="frankdsm/node-sip2 @92a377e test/responses.js",
        wire=(
            b"26              00119980723    111413AOInstitutionID for PatronID|AAPatronID|AEPa"
            b"tron Name|BLY|AFScreenMessage 0 for PatronID, Language 1|AFScreen Message 1 for P"
            b"atronID, Language 1|AGPrint Line 0 for PatronID, Language 1|AY7AZ8EA6"
        ),
        expected="B850",
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=124,
        direction="ACS->SC",
        status="AZ-OK",
        source="frankdsm/node-sip2 @92a377e test/responses.js",
        wire=(
            b"1808000119980723    115615CF00000|ABItemBook|AJTitle For Item Book|CK003|AQPerman"
            b"ent Location for ItemBook, Language 1|APCurrent Location ItemBook|CHFree-form tex"
            b"t with new item property|AY0AZC05B"
        ),
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=125,
        direction="ACS->SC",
        status="AZ-BAD",
        source="frankdsm/node-sip2 @92a377e test/responses.js",
        wire=(
            b"120NNY19960212    100514AO|AA104000000105|AB000000000005792|AJ|AH|AFItem cannot b"
            b"e charged : see help desk|AGItem can not be charged : see help desk|AY3AZD2A1"
        ),
        expected="D2BD",
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=126,
        direction="ACS->SC",
        status="AZ-OK",
        source="frankdsm/node-sip2 @92a377e test/responses.js",
        wire=(
            b"101YNN19980821    085721AOCertification Institute ID|ABCheckInBook|AQPermanent Lo"
            b"cation for CheckinBook, Language 1|AJTitle For CheckinBook|AAGoodPatron1|CK001|CH"
            b"CheckinBook Properties|CLsort bin A1|AFScreen Message for CheckInBook|AGPrint Lin"
            b"e for CheckInBook|AY2AZA3FF"
        ),
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=127,
        direction="ACS->SC",
        status="AZ-BAD",
        source="frankdsm/node-sip2 @92a377e test/responses.js",
        wire=(
            b"38Y19980723    111035AOInstitutionID for PatronID|AAPatronID|AFScreenMessage 0 fo"
            b"r PatronID, Language 1|AGPrint Line 0 for PatronID, Language 1|AY6AZ9716"
        ),
        expected="CFA2",
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=128,
        direction="ACS->SC",
        status="AZ-OK",
        source="frankdsm/node-sip2 @92a377e test/responses.js",
        wire=(
            b"36Y19980723    110658AOInstitutionID for PatronID|AAPatronID|AFScreenMessage 0 fo"
            b"r PatronID, Language 1|AFScreen Message 1 for PatronID, Language 1|AFScreen Messa"
            b"ge 2 for PatronID, Language 1|AGPrint Line 0 for PatronID, Language 1|AGPrint Lin"
            b"e 1 for PatronID, Language 1|AGPrint Line 2 for PatronID, language 1|AY5AZ970F"
        ),
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=129,
        direction="SC->ACS",
        status="AZ-OK",
        source="frankdsm/node-sip2 @92a377e test/requests.js",
        wire=b"9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZEC7B",
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=130,
        direction="SC->ACS",
        status="AZ-OK",
        source="frankdsm/node-sip2 @92a377e test/requests.js",
        wire=b"990401.00|AY1AZFC59",
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=131,
        direction="SC->ACS",
        status="no-AZ",
        source="frankdsm/node-sip2 @92a377e test/requests.js",
        wire=b"97",
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=132,
        direction="SC->ACS",
        status="AZ-OK",
        source="frankdsm/node-sip2 @92a377e test/requests.js",
        wire=b"2300119960212    100239AOid_21|AA104000000105|AC|AD|AY2AZF271",
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=133,
        direction="SC->ACS",
        status="AZ-OK",
        source="frankdsm/node-sip2 @92a377e test/requests.js",
        wire=(
            b"6300119980723    091905Y         AOInstitutionID|AAPatronID|BP00001|BQ00005|AY1AZEA83"
        ),
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=134,
        direction="SC->ACS",
        status="AZ-OK",
        source="frankdsm/node-sip2 @92a377e test/requests.js",
        wire=b"01N19960213    162352AO|ALCARD BLOCK TEST|AA104000000705|AC|AY2AZF02F",
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=135,
        direction="SC->ACS",
        status="AZ-OK",
        source="frankdsm/node-sip2 @92a377e test/requests.js",
        wire=b"2519980723    094240AOCertification Institute ID|AAPatronID|AY4AZEBF1",
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=136,
        direction="SC->ACS",
        status="AZ-OK",
        source="frankdsm/node-sip2 @92a377e test/requests.js",
        wire=b"1719980723    100000AOCertification Institute ID|ABItemBook|AY1AZEBEB",
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=137,
        direction="SC->ACS",
        status="AZ-OK",
        source="frankdsm/node-sip2 @92a377e test/requests.js",
        wire=(
            b"11YN19960212    10051419960212    100514AO|AA104000000105|AB000000000005792|AC|AY"
            b"3AZEDC2"
        ),
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=138,
        direction="SC->ACS",
        status="AZ-OK",
        source="frankdsm/node-sip2 @92a377e test/requests.js",
        wire=(
            b"09N19980821    085721                  APCertification Terminal Location|AOCertif"
            b"ication Institute ID|ABCheckInBook|ACTPWord|BIN|AY2AZD6A5"
        ),
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=139,
        direction="SC->ACS",
        status="AZ-OK",
        source="frankdsm/node-sip2 @92a377e test/requests.js",
        wire=(
            b"3719980723    0932110401USDBV111.11|AOCertification Institute ID|AAPatronID|BKTra"
            b"nsactionID|AY2AZE1EF"
        ),
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=140,
        direction="SC->ACS",
        status="AZ-OK",
        source="frankdsm/node-sip2 @92a377e test/requests.js",
        wire=b"3519980723    094014AOCertification Institute ID|AAPatronID|AY3AZEBF2",
        note="test strings end in \\r\\n in the source",
    ),
    Line(
        number=141,
        direction="SC->ACS",
        status="AZ-OK",
        source="tzeumer/SIP2-Client-for-Python Sip2/sip2.py (_crc_calc comment) == PyPI Sip2-1.1",
        wire=(
            b"09N20160419    12200820160419    122008APReading Room 1|AO830|AB830$28170815|AC|A"
            b"Y2AZEB80"
        ),
    ),
    Line(
        number=142,
        direction="SC->ACS",
        status="AZ-OK",
        source="tzeumer/SIP2-Client-for-Python Sip2/sip2.py (_crc_calc comment) == PyPI Sip2-1.1",
        wire=(
            b"09N20160419    12171320160419    121713APReading Room 1|AO830|AB830$28170815|AC|A"
            b"Y2AZEB7C"
        ),
    ),
    Line(
        number=143,
        direction="ACS->SC",
        status="AZ-BAD",
        source="cap60552/php-sip2 issue #8 (2023-03-16 comment, real ACS response)",
        wire=(
            b"1812020120230316    145800AB0230200408766|AJAnam \xc4\x8bara :|AQYS|CRNONFICTR|BG"
            b"YS|AH20230131    235900|AY3AZE5D1"
        ),
        expected="E58D",
        note=(
            "checksum matches only if summed over Unicode code points (byte-sum of UTF-8 "
            "gives E58D)"
        ),
    ),
    Line(
        number=144,
        direction="SC->ACS",
        status="AZ-BAD",
        source="NiceAndNerdy/SIP2.NET issue #1 (ACS log pasted by a user)",
        wire=b"9300CNlogin|COpassword|CPlocation|AY0AZF24F",
        expected="F1C0",
        note=(
            "checksum does not verify - user probably edited/redacted the values; real "
            "traffic (ACS vendor unknown): SC sends AY/AZ but the ACS replies (94, 98) carry "
            "no AY/AZ; protocol version sent as '2.0E'"
        ),
    ),
    Line(
        number=145,
        direction="ACS->SC",
        status="no-AZ",
        source="NiceAndNerdy/SIP2.NET issue #1 (ACS log pasted by a user)",
        wire=b"941",
        note=(
            "real traffic (ACS vendor unknown): SC sends AY/AZ but the ACS replies (94, 98) "
            "carry no AY/AZ; protocol version sent as '2.0E'"
        ),
    ),
    Line(
        number=146,
        direction="SC->ACS",
        status="AZ-OK",
        source="NiceAndNerdy/SIP2.NET issue #1 (ACS log pasted by a user)",
        wire=b"9900302.0E|AY1AZFC14",
        note=(
            "real traffic (ACS vendor unknown): SC sends AY/AZ but the ACS replies (94, 98) "
            "carry no AY/AZ; protocol version sent as '2.0E'"
        ),
    ),
    Line(
        number=147,
        direction="ACS->SC",
        status="no-AZ",
        source="NiceAndNerdy/SIP2.NET issue #1 (ACS log pasted by a user)",
        wire=b"98YYYYNN02000320170329    1659432.0EAOlocation|AMlogin|BXYYYYYYYYYYYNNNNN|AN|",
        note=(
            "real traffic (ACS vendor unknown): SC sends AY/AZ but the ACS replies (94, 98) "
            "carry no AY/AZ; protocol version sent as '2.0E'"
        ),
    ),
    Line(
        number=148,
        direction="SC->ACS",
        status="AZ-BAD",
        source="NiceAndNerdy/SIP2.NET issue #1 (ACS log pasted by a user)",
        wire=b"6300120170329    165944          AO1|AATEST04|ACpassword|AD|BP|BQ|AY2AZEE90",
        expected="ED9A",
        note=(
            "checksum does not verify - user probably edited/redacted the values; real "
            "traffic (ACS vendor unknown): SC sends AY/AZ but the ACS replies (94, 98) carry "
            "no AY/AZ; protocol version sent as '2.0E'"
        ),
    ),
    Line(
        number=149,
        direction="SC->ACS",
        status="AZ-BAD",
        source="NiceAndNerdy/SIP2.NET issue #1 (ACS log pasted by a user)",
        wire=b"6300220170329    170024          AOlocation|AATEST04|AC|AY0AZF3F7",
        expected="F113",
        note=(
            "checksum does not verify - user probably edited/redacted the values; real "
            "traffic (ACS vendor unknown): SC sends AY/AZ but the ACS replies (94, 98) carry "
            "no AY/AZ; protocol version sent as '2.0E'"
        ),
    ),
    Line(
        number=150,
        direction="ACS->SC",
        status="AZ-OK",
        source="generated here: pysip2 0.1.0 encode_message (scripts/build_transcripts.py)",
        wire=(
            b"64              00120250101    120000000000000054000000000000AOMAIN|AA23529000000"
            b"000|AELeading Zero, Checksum|BLY|AU39529000000000|AU39529000000001|AU395290000000"
            b"02|AU39529000000003|AU39529000000004|AU39529000000005|AU39529000000006|AU39529000"
            b"000007|AU39529000000008|AU39529000000009|AU39529000000010|AU39529000000011|AU3952"
            b"9000000012|AU39529000000013|AU39529000000014|AU39529000000015|AU39529000000016|AU"
            b"39529000000017|AU39529000000018|AU39529000000019|AU39529000000020|AU3952900000002"
            b"1|AU39529000000022|AU39529000000023|AU39529000000024|AU39529000000025|AU395290000"
            b"00026|AU39529000000027|AU39529000000028|AU39529000000029|AU39529000000030|AU39529"
            b"000000031|AU39529000000032|AU39529000000033|AU39529000000034|AU39529000000035|AU3"
            b"9529000000036|AU39529000000037|AU39529000000038|AU39529000000039|AU39529000000040"
            b"|AU39529000000041|AU39529000000042|AU39529000000043|AU39529000000044|AU3952900000"
            b"0045|AU39529000000046|AU39529000000047|AU39529000000048|AU39529000000049|AU395290"
            b"00000050|AU39529000000051|AU39529000000052|AU39529000000053|AFxxxxxxxxx|AY7AZ0FD8"
        ),
        note="64 whose checksum has a leading zero (0FD8): catches '%X'/'%4X' formatting bugs",
    ),
)

BY_NUMBER: dict[int, Line] = {line.number: line for line in LINES}

# The session recorded on loopback in transcripts.txt: PyPI 'sip2' 1.1 client (SC) against the
# pysip2 0.1.0 toy ACS; AY/AZ generated by those libraries.
SESSION: tuple[tuple[str, bytes], ...] = (
    ("SC", b"9300CNterm1|COsecret|CPDesk1|AY0AZF47E"),
    ("ACS", b"941AY0AZFDFD"),
    ("SC", b"9900802.00AY1AZFCA0"),
    (
        "ACS",
        (b"98YYYNNY03000320261121    0455342.00AOMYLIB|AMToy Library|BXYYYNYYYYNNYNNNNN|AY1AZE8ED"),
    ),
    ("SC", (b"6300020261121    045534  Y       AOMYLIB|AA21234567890|AD1234|BP1|BQ5|AY2AZEECF")),
    (
        "ACS",
        (
            b"64              00020261121    045534000000000001000000000000AOMYLIB|AA212345"
            b"67890|AEAlice Example|BLY|CQY|AU39999000001|AFWelcome|AY2AZDEA3"
        ),
    ),
    (
        "SC",
        (
            b"11NN20261121    04553420261205    045534AOMYLIB|AA21234567890|AB39999000001|A"
            b"C|AD1234|BON|BIN|AY3AZE897"
        ),
    ),
    (
        "ACS",
        (
            b"121NNY20261121    045534AOMYLIB|AA21234567890|AB39999000001|AJPerl 5 desktop "
            b"reference|AH20991231    235900|CK001|AY3AZE108"
        ),
    ),
    ("SC", b"09N20261121    04553420261121    045534APDesk1|AOMYLIB|AB39999000001|AC|AY4AZEDD3"),
    (
        "ACS",
        (
            b"101YNN20261121    045534AOMYLIB|AB39999000001|AQMAIN|AJPerl 5 desktop referen"
            b"ce|CLA1|AY4AZE684"
        ),
    ),
    ("SC", b"1720261121    045534AOMYLIB|AB39999000001|AY5AZF52A"),
    ("ACS", b"1803020120261121    045534AB39999000001|AJPerl 5 desktop reference|AY5AZECB4"),
)
