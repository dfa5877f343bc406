import { XMLBuilder } from 'fast-xml-parser';

/** Characters XML 1.0 cannot carry at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Replaces characters XML 1.0 cannot represent with U+FFFD (no stored text should contain them). */
export function xmlSafe(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD');
}

/** Escapes element text: &, <, > and CR (which a parser would otherwise normalise to LF). */
export function escapeXmlText(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/**
 * Escapes an attribute value: quotes too, and tab/LF/CR as character references, because a parser
 * normalises literal whitespace in attributes to spaces (GEXF keeps values in attributes).
 */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/**
 * Builds an XML document from a fast-xml-parser object tree. Attribute keys start with "@_", text
 * goes in "#text". Values must already be escaped with escapeXmlText / escapeXmlAttribute (the
 * builder's own entity handling is off, so that newlines in attributes survive).
 */
export function buildXml(tree: Record<string, unknown>): string {
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
    processEntities: false,
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(tree) as string}`;
}
