"""Every record-level rejection formats/rmp.md states, with its reason code and native field name."""

from __future__ import annotations

import pytest

from adapters.common.errors import RecordRejected
from tests.unit.adapters.test_rmp_helpers import BFPO_ADDRESS, VALID, Rec, parse, rejection_of

REG, ADDR, REQ, SHR = VALID["REG"], VALID["ADDR"], VALID["TFR-REQ"], VALID["INT-SHR"]
LONG = "x" * 101
RECIPIENTS_21 = " ".join(["SCO"] * 21)

CASES: list[tuple[str, Rec, str, str]] = [
    # envelope
    ("ref missing", REG.with_record(ref=None), "@ref", "MISSING"),
    ("ref lower case", REG.with_record(ref="rmp26-000101"), "@ref", "BAD_FORMAT"),
    ("ref too short", REG.with_record(ref="RMP26-00101"), "@ref", "BAD_FORMAT"),
    ("ref other digits", REG.with_record(ref="RMP٢٦-000101"), "@ref", "BAD_FORMAT"),
    ("type missing", REG.with_record(type=None), "@type", "MISSING"),
    ("type unknown", REG.with_record(type="RELOC"), "@type", "UNKNOWN_TYPE"),
    ("type lower case", REG.with_record(type="reg"), "@type", "UNKNOWN_TYPE"),
    ("agency unknown", REG.with_record(agency="RAFP"), "@agency", "UNKNOWN_CODE"),
    ("agency canonical code", REG.with_record(agency="RMP-POLICE"), "@agency", "UNKNOWN_CODE"),
    ("agency missing", REG.with_record(agency=None), "@agency", "MISSING"),
    ("marking secret", REG.with_record(marking="S"), "@marking", "CLASSIFICATION_REFUSED"),
    ("marking top secret", REG.with_record(marking="TS"), "@marking", "CLASSIFICATION_REFUSED"),
    ("marking unknown", REG.with_record(marking="R"), "@marking", "UNKNOWN_CODE"),
    ("marking lower case", REG.with_record(marking="os"), "@marking", "UNKNOWN_CODE"),
    ("marking missing", REG.with_record(marking=None), "@marking", "MISSING"),
    ("date missing", REG.with_record(date=None), "@date", "MISSING"),
    ("time missing", REG.with_record(time=None), "@time", "MISSING"),
    # structure
    ("unknown child", REG.add_child("Photo"), "Photo", "MALFORMED"),
    ("Subject twice", REG.add_child("Subject", {"service": "RN", "serviceNo": "123456"}), "Subject", "MALFORMED"),
    ("Detail twice", REG.add_child("Detail"), "Detail", "MALFORMED"),
    ("Address twice", ADDR.add_child("Address", BFPO_ADDRESS), "Address", "MALFORMED"),
    ("Text twice", REQ.add_child("Text", content="again"), "Text", "MALFORMED"),
    (
        "Conditions twice",
        SHR.with_detail(handling="C").add_child("Conditions", content="a").add_child("Conditions", content="b"),
        "Conditions",
        "MALFORMED",
    ),
    ("Address on MAPPA", VALID["MAPPA"].add_child("Address", BFPO_ADDRESS), "Address", "MALFORMED"),
    ("Alias on ADDR", ADDR.add_child("Alias", {"family": "A", "given": "B"}), "Alias", "MALFORMED"),
    ("Text on CUS-REC", VALID["CUS-REC"].add_child("Text", content="x"), "Text", "MALFORMED"),
    ("Subject missing", Rec("ARCH", {}, (("Text", {}, "x"),), subject={}), "Subject/@service", "MISSING"),
    # subject
    ("service unknown", REG.with_subject(service="RFA"), "Subject/@service", "UNKNOWN_CODE"),
    ("service lower case", REG.with_subject(service="army"), "Subject/@service", "UNKNOWN_CODE"),
    ("serviceNo missing", REG.with_subject(serviceNo=None), "Subject/@serviceNo", "MISSING"),
    ("serviceNo seven digits", REG.with_subject(serviceNo="2512345"), "Subject/@serviceNo", "BAD_FORMAT"),
    ("serviceNo two letters", REG.with_subject(serviceNo="AB123456"), "Subject/@serviceNo", "BAD_FORMAT"),
    ("serviceNo dotless i", REG.with_subject(serviceNo="ı123456"), "Subject/@serviceNo", "BAD_FORMAT"),
    ("pnc check letter", REG.with_subject(pnc="2008/1009876A"), "Subject/@pnc", "BAD_FORMAT"),
    ("pnc shape", REG.with_subject(pnc="08/1009876M"), "Subject/@pnc", "BAD_FORMAT"),
    ("cro check letter", REG.with_subject(cro="054321/12A"), "Subject/@cro", "BAD_FORMAT"),
    # REG
    ("family missing", REG.with_detail(family=None), "Detail/@family", "MISSING"),
    ("given blank", REG.with_detail(given="  "), "Detail/@given", "MISSING"),
    ("family too long", REG.with_detail(family=LONG), "Detail/@family", "TOO_LONG"),
    ("family line break", REG.with_detail(family="Pry\ndderch"), "Detail/@family", "BAD_FORMAT"),
    ("given tab", REG.with_detail(given="Si\tôn"), "Detail/@given", "BAD_FORMAT"),
    ("dob missing", REG.with_detail(dob=None), "Detail/@dob", "MISSING"),
    ("sex unknown", REG.with_detail(sex="X"), "Detail/@sex", "UNKNOWN_CODE"),
    ("mappa category 4", REG.with_detail(mappaCategory="4"), "Detail/@mappaCategory", "UNKNOWN_CODE"),
    ("mappa level 0", REG.with_detail(mappaLevel="0"), "Detail/@mappaLevel", "UNKNOWN_CODE"),
    ("mappa level 01", REG.with_detail(mappaLevel="01"), "Detail/@mappaLevel", "UNKNOWN_CODE"),
    ("lead agency elsewhere", REG.with_detail(leadAgency="EAW-F20"), "Detail/@leadAgency", "INCONSISTENT"),
    ("lead agency unknown", REG.with_detail(leadAgency="EAW-F02"), "Detail/@leadAgency", "UNKNOWN_CODE"),
    ("status unknown", REG.with_detail(status="COMMUNITY"), "Detail/@status", "UNKNOWN_CODE"),
    ("alias given missing", REG.add_child("Alias", {"family": "Reid"}), "Alias/@given", "MISSING"),
    ("alias family too long", REG.add_child("Alias", {"family": LONG, "given": "B"}), "Alias/@family", "TOO_LONG"),
    # ADDR and addresses
    ("address type unknown", ADDR.with_detail(addressType="HOME"), "Detail/@addressType", "UNKNOWN_CODE"),
    ("Address missing", ADDR.without("Address"), "Address", "MISSING"),
    (
        "bfpo and postcode",
        ADDR.with_child("Address", {**BFPO_ADDRESS, "postcode": "CO2 7TE"}),
        "Address/@bfpo",
        "INCONSISTENT",
    ),
    (
        "bfpo and town",
        ADDR.with_child("Address", {**BFPO_ADDRESS, "town": "Episkopi"}),
        "Address/@bfpo",
        "INCONSISTENT",
    ),
    ("neither town nor bfpo", ADDR.with_child("Address", {"line1": "1 High St"}), "Address/@town", "MISSING"),
    (
        "postcode without town",
        ADDR.with_child("Address", {"line1": "1 High St", "postcode": "CO2 7TE"}),
        "Address/@town",
        "MISSING",
    ),
    (
        "town without postcode",
        ADDR.with_child("Address", {"line1": "1 High St", "town": "Colchester"}),
        "Address/@postcode",
        "MISSING",
    ),
    (
        "no lines",
        ADDR.with_child("Address", {"town": "Colchester", "postcode": "CO2 7TE"}),
        "Address/@line1",
        "MISSING",
    ),
    (
        "bad postcode",
        ADDR.with_child("Address", {"line1": "1", "town": "T", "postcode": "CO27"}),
        "Address/@postcode",
        "BAD_FORMAT",
    ),
    (
        "ligature postcode",
        ADDR.with_child("Address", {"line1": "1", "town": "T", "postcode": "ﬀ1 2NG"}),
        "Address/@postcode",
        "BAD_FORMAT",
    ),
    ("bfpo without space", ADDR.with_child("Address", {"line1": "1", "bfpo": "BFPO53"}), "Address/@bfpo", "BAD_FORMAT"),
    (
        "bfpo five digits",
        ADDR.with_child("Address", {"line1": "1", "bfpo": "BFPO 12345"}),
        "Address/@bfpo",
        "BAD_FORMAT",
    ),
    ("bfpo digits only", ADDR.with_child("Address", {"line1": "1", "bfpo": "53"}), "Address/@bfpo", "BAD_FORMAT"),
    (
        "line too long",
        ADDR.with_child("Address", {"line1": "1", "line2": LONG, "town": "T", "postcode": "CO2 7TE"}),
        "Address/@line2",
        "TOO_LONG",
    ),
    (
        "town too long",
        ADDR.with_child("Address", {"line1": "1", "town": "x" * 61, "postcode": "CO2 7TE"}),
        "Address/@town",
        "TOO_LONG",
    ),
    (
        "nfa without town",
        ADDR.with_detail(addressType="NFA").with_child("Address", {"line1": "Car park"}),
        "Address/@town",
        "MISSING",
    ),
    ("arrival without address", VALID["TFR-ARR"].without("Address"), "Address", "MISSING"),
    # transfers
    ("to RMP", REQ.with_detail(toAgency="RMP"), "Detail/@toAgency", "INCONSISTENT"),
    ("to MCTC", REQ.with_detail(toAgency="MCTC"), "Detail/@toAgency", "INCONSISTENT"),
    ("to RMP-POLICE", REQ.with_detail(toAgency="RMP-POLICE"), "Detail/@toAgency", "INCONSISTENT"),
    ("to a jurisdiction", REQ.with_detail(toAgency="EAW"), "Detail/@toAgency", "UNKNOWN_CODE"),
    ("request without Text", REQ.without("Text"), "Text", "MISSING"),
    ("request Text too long", REQ.with_child("Text", content="x" * 1001), "Text", "TOO_LONG"),
    ("request blank Text", REQ.with_child("Text", content="  \n "), "Text", "MISSING"),
    ("rosh unknown", REQ.with_detail(rosh="VL"), "Detail/@rosh", "UNKNOWN_CODE"),
    ("risk level missing", REQ.with_detail(mappaLevel=None), "Detail/@mappaLevel", "MISSING"),
    ("transferId not a guid", REQ.with_detail(transferId="3F2504E0"), "Detail/@transferId", "BAD_FORMAT"),
    (
        "transferId one brace",
        REQ.with_detail(transferId="{3F2504E0-4F89-41D3-9A0C-0305E82C3301"),
        "Detail/@transferId",
        "BAD_FORMAT",
    ),
    ("transferId missing", VALID["TFR-ACC"].with_detail(transferId=None), "Detail/@transferId", "MISSING"),
    ("rejection code unknown", VALID["TFR-REJ"].with_detail(reasonCode="60"), "Detail/@reasonCode", "UNKNOWN_CODE"),
    ("rejection without Text", VALID["TFR-REJ"].without("Text"), "Text", "MISSING"),
    ("accept Text too long", VALID["TFR-ACC"].with_child("Text", content="x" * 1001), "Text", "TOO_LONG"),
    # custody
    ("reception from RMP", VALID["CUS-REC"].with_record(agency="RMP"), "@agency", "INCONSISTENT"),
    ("custody move from RMP", VALID["CUS-TFR"].with_record(agency="RMP"), "@agency", "INCONSISTENT"),
    ("release from RMP", VALID["CUS-REL"].with_record(agency="RMP"), "@agency", "INCONSISTENT"),
    (
        "reception elsewhere",
        VALID["CUS-REC"].with_detail(establishment="EAW-WWI"),
        "Detail/@establishment",
        "UNKNOWN_CODE",
    ),
    ("reception on recall", VALID["CUS-REC"].with_detail(reason="RCL"), "Detail/@reason", "UNKNOWN_CODE"),
    (
        "custody move to same",
        VALID["CUS-TFR"].with_detail(toEstablishment="MCTC"),
        "Detail/@toEstablishment",
        "INCONSISTENT",
    ),
    (
        "custody move to OUT",
        VALID["CUS-TFR"].with_detail(toEstablishment="EAW-OUT"),
        "Detail/@toEstablishment",
        "UNKNOWN_CODE",
    ),
    (
        "custody move from canonical mctc",
        VALID["CUS-TFR"].with_detail(fromEstablishment="RMP-MCTC"),
        "Detail/@fromEstablishment",
        "UNKNOWN_CODE",
    ),
    ("release on licence", VALID["CUS-REL"].with_detail(releaseType="LIC"), "Detail/@releaseType", "UNKNOWN_CODE"),
    ("release address bad", VALID["CUS-REL"].with_child("Address", {"line1": "1"}), "Address/@town", "MISSING"),
    # MAPPA
    ("mappa neither", VALID["MAPPA"].with_detail(mappaLevel=None), "Detail/@mappaLevel", "MISSING"),
    ("mappa meeting missing", VALID["MAPPA"].with_detail(meetingRef=None), "Detail/@meetingRef", "MISSING"),
    ("mappa meeting too long", VALID["MAPPA"].with_detail(meetingRef="M" * 41), "Detail/@meetingRef", "TOO_LONG"),
    ("mappa level 4", VALID["MAPPA"].with_detail(mappaLevel="4"), "Detail/@mappaLevel", "UNKNOWN_CODE"),
    # intelligence
    ("C without Conditions", SHR.with_detail(handling="C"), "Conditions", "MISSING"),
    ("P with Conditions", SHR.with_child("Conditions", content="Not for the unit."), "Conditions", "INCONSISTENT"),
    (
        "Conditions too long",
        SHR.with_detail(handling="C").with_child("Conditions", content="x" * 501),
        "Conditions",
        "TOO_LONG",
    ),
    ("intelligence too long", SHR.with_child("Text", content="x" * 4001), "Text", "TOO_LONG"),
    ("intelligence without Text", SHR.without("Text"), "Text", "MISSING"),
    ("Text empty", SHR.with_child("Text", content=None), "Text", "MISSING"),
    ("handling unknown", SHR.with_detail(handling="H"), "Detail/@handling", "UNKNOWN_CODE"),
    ("source unknown", SHR.with_detail(source="4"), "Detail/@source", "UNKNOWN_CODE"),
    ("assessment unknown", SHR.with_detail(assessment="F"), "Detail/@assessment", "UNKNOWN_CODE"),
    ("assessment lower case", SHR.with_detail(assessment="b"), "Detail/@assessment", "UNKNOWN_CODE"),
    ("recipients missing", SHR.with_detail(recipients=None), "Detail/@recipients", "MISSING"),
    ("recipients 21", SHR.with_detail(recipients=RECIPIENTS_21), "Detail/@recipients", "INCONSISTENT"),
    ("recipients double space", SHR.with_detail(recipients="SCO  EAW"), "Detail/@recipients", "BAD_FORMAT"),
    ("recipients comma", SHR.with_detail(recipients="SCO,EAW"), "Detail/@recipients", "UNKNOWN_CODE"),
    ("recipient unknown", SHR.with_detail(recipients="SCO GCHQ"), "Detail/@recipients", "UNKNOWN_CODE"),
    ("recipients line break", SHR.with_detail(recipients="SCO\nEAW"), "Detail/@recipients", "BAD_FORMAT"),
    ("intelId bad", SHR.with_detail(intelId="not-a-guid"), "Detail/@intelId", "BAD_FORMAT"),
    ("consent recipient unknown", VALID["INT-CON"].with_detail(recipient="XYZ"), "Detail/@recipient", "UNKNOWN_CODE"),
    ("consent decision unknown", VALID["INT-CON"].with_detail(decision="YES"), "Detail/@decision", "UNKNOWN_CODE"),
    ("consent owner missing", VALID["INT-CON"].with_detail(owner=None), "Detail/@owner", "MISSING"),
    ("consent owner unknown", VALID["INT-CON"].with_detail(owner="SCO"), "Detail/@owner", "UNKNOWN_CODE"),
    ("withdrawal without Text", VALID["INT-WDR"].without("Text"), "Text", "MISSING"),
    ("withdrawal owner missing", VALID["INT-WDR"].with_detail(owner=None), "Detail/@owner", "MISSING"),
    # archive
    ("archive without Text", VALID["ARCH"].without("Text"), "Text", "MISSING"),
    ("reactivation Text too long", VALID["REACT"].with_child("Text", content="x" * 1001), "Text", "TOO_LONG"),
]


@pytest.mark.parametrize(("record", "field", "reason"), [case[1:] for case in CASES], ids=[c[0] for c in CASES])
def test_record_is_rejected_naming_the_native_field(record: Rec, field: str, reason: str) -> None:
    assert rejection_of(record) == (field, reason)


def test_eleven_aliases_are_too_many() -> None:
    record = REG
    for n in range(11):
        record = record.add_child("Alias", {"family": f"Alias{n}", "given": "Siôn"})
    assert rejection_of(record) == ("Alias", "TOO_LONG")


def test_twenty_recipients_are_accepted() -> None:
    (parsed,) = parse(SHR.with_detail(recipients=" ".join(["SCO"] * 20)))
    assert not isinstance(parsed.result, RecordRejected)


def test_detail_missing_is_named() -> None:
    xml = VALID["ARCH"].xml().replace("<rmp:Detail/>", "")
    assert rejection_of(xml) == ("Detail", "MISSING")


def test_subject_element_missing_is_named() -> None:
    xml = VALID["ARCH"].xml().replace('<rmp:Subject service="ARMY" serviceNo="25123456"/>', "")
    assert rejection_of(xml) == ("Subject", "MISSING")


def test_child_in_another_namespace_is_unknown() -> None:
    xml = VALID["ARCH"].xml().replace("<rmp:Detail/>", '<rmp:Detail/><x:Note xmlns:x="urn:other"/>')
    assert rejection_of(xml) == ("Note", "MALFORMED")


def test_subject_without_namespace_is_unknown() -> None:
    xml = VALID["ARCH"].xml().replace("<rmp:Subject ", "<Subject ")
    assert rejection_of(xml) == ("Subject", "MALFORMED")


def test_markup_inside_text_is_malformed() -> None:
    xml = (
        VALID["ARCH"]
        .xml()
        .replace("<rmp:Text>Discharged.</rmp:Text>", "<rmp:Text>Dis<rmp:b>charged</rmp:b></rmp:Text>")
    )
    assert rejection_of(xml) == ("b", "MALFORMED")


@pytest.mark.parametrize(
    ("record", "empty", "nested"),
    [
        (VALID["ARCH"], "<rmp:Detail/>", "<rmp:Detail><rmp:Extra/></rmp:Detail>"),
        (VALID["ARCH"], 'serviceNo="25123456"/>', 'serviceNo="25123456"><rmp:Extra/></rmp:Subject>'),
        (VALID["TFR-ARR"], 'postcode="CO2 7TE"/>', 'postcode="CO2 7TE"><rmp:Extra/></rmp:Address>'),
    ],
    ids=["Detail", "Subject", "Address"],
)
def test_an_element_nested_in_an_attribute_element_is_unknown(record: Rec, empty: str, nested: str) -> None:
    xml = record.xml()
    assert empty in xml
    xml = xml.replace(empty, nested)
    assert rejection_of(xml) == ("Extra", "MALFORMED")


def test_rejected_record_keeps_its_key_when_the_ref_is_good() -> None:
    (parsed,) = parse(REG.with_detail(sex="X"))
    assert parsed.key == "RMP:REDCAP:RMP26-000101"


def test_rejected_record_has_no_key_when_the_ref_is_bad() -> None:
    (parsed,) = parse(REG.with_record(ref="X"))
    assert parsed.key is None
    assert parsed.key_field == "@ref"


def test_secret_record_is_refused_before_anything_else_is_read() -> None:
    record = REG.with_record(marking="TS").with_detail(dob="bad", sex="X").add_child("Photo")
    assert rejection_of(record) == ("@marking", "CLASSIFICATION_REFUSED")
