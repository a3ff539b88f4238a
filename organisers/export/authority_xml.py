"""The files for the national authorities: one XML document per member state, and its schema.

The shape is section 6 of the reference (what the Commission's software produced); the schema is
`statements.xsd` next to this module. The key of each document in `oct.group.id` is the rules
table's (`Identifier.property_key`): the names of the Commission's online collection software
(its 2019/788 property list: passport, id.card, personal.number, personal.id,
national.id.number, citizens.card, ...), chosen per member state as that software's country
table did (docs/organisers.md).

Each signature is validated against the schema as it is made, so a bad statement is named by its
identifier; each file is validated again as a whole, streaming, before it takes its final name.
"""

import os
from contextlib import ExitStack
from pathlib import Path

from lxml import etree

from signing.rules import ADDRESS, DOCUMENTS_OWN_KEY, GENERAL, IDENTIFICATION, RULES

SCHEMA_PATH = Path(__file__).with_name("statements.xsd")
XS = "http://www.w3.org/2001/XMLSchema"
GROUPS = (GENERAL, ADDRESS, IDENTIFICATION)
DOCUMENT_PROPERTY = f"oct.property.{DOCUMENTS_OWN_KEY}"


def property_keys():
    """Every key a statement can be exported under, from the rules table: its fields' keys and
    each accepted document's."""
    keys = {item.property_key for rule in RULES.values() for item in rule.fields}
    keys |= {item.property_key for rule in RULES.values() for item in rule.identifiers}
    keys.discard(DOCUMENT_PROPERTY)
    keys.discard("")
    return sorted(keys)


def schema_document():
    """statements.xsd with its `propertyKey` list derived from the rules table (the file
    leaves it empty): the schema each file is validated against, and shipped with it."""
    document = etree.parse(str(SCHEMA_PATH))
    (restriction,) = document.xpath(
        "//xs:simpleType[@name='propertyKey']/xs:restriction", namespaces={"xs": XS}
    )
    for key in property_keys():
        etree.SubElement(restriction, f"{{{XS}}}enumeration", value=key)
    return document


SCHEMA = etree.XMLSchema(schema_document())


class InvalidStatement(ValueError):
    """A decrypted statement that cannot go into an authority's file; the message says why."""


def signatory_groups(data, country):
    """[(group name, [(property key, value)])] for one decrypted statement, values as typed:
    each of the member state's fields (signing.rules) under its key, in its group."""
    rule = RULES.get(country)
    if rule is None:
        raise InvalidStatement(f"unknown country {country!r}")
    if data.get("country") != country:
        raise InvalidStatement("the statement names another country than its record")
    groups = {name: [] for name in GROUPS}
    for item in rule.fields:
        if not item.export_key:
            continue
        key = item.property_key
        if key == DOCUMENT_PROPERTY:
            key = _document(rule, data, country).property_key
        try:
            value = item.exported(_text(data, item.name), data)
        except ValueError:
            raise InvalidStatement(f"the {item.name.replace('_', ' ')} is not valid") from None
        groups[item.group].append((key, _text({"value": value}, "value", item.name)))
    return [(name, properties) for name, properties in groups.items() if properties]


def _document(rule, data, country):
    kind = _text(data, "document_type")
    identifier = next((item for item in rule.identifiers if item.kind == kind), None)
    if identifier is None:
        raise InvalidStatement(f"{kind!r} is not a document accepted from {country}")
    return identifier


def signature_element(identifier, submitted_on, annex_revision, groups):
    """One <signature>, validated on its own against the schema."""
    try:
        signature = _build_signature(identifier, submitted_on, annex_revision, groups)
    except ValueError:  # lxml refuses text that XML cannot hold, such as control characters
        raise InvalidStatement("holds characters that XML cannot represent") from None
    if not SCHEMA.validate(signature):
        error = SCHEMA.error_log.last_error
        raise InvalidStatement(f"does not match the schema: {error.message if error else ''}")
    return signature


def _build_signature(identifier, submitted_on, annex_revision, groups):
    signature = etree.Element("signature")
    _sub(signature, "submissionDate", submitted_on)
    _sub(signature, "signatureIdentifier", identifier)
    _sub(signature, "annexRevision", annex_revision)
    groups_element = etree.SubElement(etree.SubElement(signature, "signatoryInfo"), "groups")
    for name, properties in groups:
        group = etree.SubElement(groups_element, "group")
        _sub(group, "name", name)
        properties_element = etree.SubElement(group, "properties")
        for key, value in properties:
            item = etree.SubElement(properties_element, "property")
            _sub(item, "key", key)
            _sub(item, "value", value)
    return signature


def initiative_element(record):
    data = etree.Element("initiativeData")
    contacts = "; ".join(
        f"{person['name']} <{person['email']}>" if person.get("email") else person["name"]
        for person in record["contact_persons"]
    )
    for tag, value in (
        ("registrationNumber", record["registration_number"]),
        ("startOfTheCollectionPeriod", record["collection_start"]),
        ("endOfTheCollectionPeriod", record["collection_end"]),
        ("urlOnCommissionRegister", record["register_url"]),
        ("title", record["title"]),
        ("objectives", record["objectives"]),
        ("registeredContactPersons", contacts),
        ("url", record["url"]),
    ):
        _sub(data, tag, value)
    if test_purpose(record):  # no statement of support in it: said in the file itself
        _sub(data, "testCollection", test_purpose(record))
    return data


def test_purpose(record):
    """The test collection's purpose, or "" for a real initiative (and a bundle made before
    records said so)."""
    return record.get("test_collection") or ""


def file_name(country, paper=False, test=False):
    """`bg` for a member state's statements signed online, `bg-paper` for those keyed in from
    paper forms: in the same schema, apart, because the authorities check paper statements
    against the signed forms the organisers hand over with them. A test collection's files
    begin with `test-`: nobody can take them for statements of support."""
    name = f"{country.lower()}-paper" if paper else country.lower()
    return f"test-{name}" if test else name


class AuthorityFiles:
    """The open XML files of one export, one per country and channel, written as statements
    arrive.

    Each file is written under a temporary name, validated as a whole against the schema with
    a streaming parser (bounded memory at any size), and only then renamed to `<name>.xml`.
    """

    def __init__(self, directory, record):
        self.directory = Path(directory)
        self.record = record
        self.stack = ExitStack()
        self.writers = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stack.close()

    def write(self, country, signature, paper=False):
        name = file_name(country, paper, bool(test_purpose(self.record)))
        if name not in self.writers:
            self.writers[name] = self._open(name, country)
        self.writers[name].write(signature)

    def _open(self, name, country):
        path = str(self.partial_path(name))
        writer = self.stack.enter_context(etree.xmlfile(path, encoding="UTF-8", buffered=True))
        writer.write_declaration()
        self.stack.enter_context(writer.element("supportForm"))
        for_country = etree.Element("forCountry")
        for_country.text = country.lower()
        writer.write(for_country, initiative_element(self.record))
        self.stack.enter_context(writer.element("signatures"))
        return writer

    def partial_path(self, name):
        return self.directory / f".{name}.xml.partial"

    def finish(self):
        """Close, validate and name every file: {name: path} and {name: schema error}; the
        schema they were validated against beside them."""
        self.stack.close()
        schema_document().write(
            str(self.directory / SCHEMA_PATH.name), encoding="UTF-8", xml_declaration=True
        )
        written, invalid = {}, {}
        for name in sorted(self.writers):
            partial = self.partial_path(name)
            error = validate_file(partial)
            if error:
                invalid[name] = error
                partial.unlink()
            else:
                final = self.directory / f"{name}.xml"
                os.replace(partial, final)
                written[name] = final
        return written, invalid


def validate_file(path):
    """The first schema error of an XML file, or None; memory stays bounded at any size."""
    try:
        for _event, element in etree.iterparse(str(path), events=("end",), schema=SCHEMA):
            if element.tag == "signature":
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]
    except (etree.XMLSyntaxError, etree.DocumentInvalid) as error:
        return str(error)
    return None


def _text(data, name, label=None):
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise InvalidStatement(f"{(label or name).replace('_', ' ')} is missing")
    return value


def _sub(parent, tag, text):
    element = etree.SubElement(parent, tag)
    element.text = text
    return element
