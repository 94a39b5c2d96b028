/**
 * A strict little XML reader for tests in Node (which has no DOMParser): it throws on anything
 * not well-formed (unbalanced or unquoted markup, a raw `<` or `&` in text, an unknown entity)
 * and returns the element tree with entities decoded. Enough to check the hOCR we write; the
 * e2e test also parses the download with the browser's own XML parser.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's text content, all descendants included. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, where: number): string {
  if (/[<]/.test(text)) throw new Error(`A raw "<" near offset ${where}.`);
  return text.replace(/&([^;\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`An unterminated "&" near offset ${where}.`);
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    const value = ENTITIES[name];
    if (value === undefined) throw new Error(`An unknown entity &${name}; near offset ${where}.`);
    return value;
  });
}

function attributesOf(source: string, where: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  const rest = source.replace(/\s*([\w:.-]+)="([^"]*)"\s*/g, (_, name: string, value: string) => {
    if (name in attributes) throw new Error(`Attribute ${name} twice near offset ${where}.`);
    attributes[name] = decode(value, where);
    return '';
  });
  if (rest.trim() !== '') throw new Error(`Malformed attributes "${rest}" near offset ${where}.`);
  return attributes;
}

/** The document element of `xml`; throws when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '').replace(/^<!DOCTYPE[^>]*>\s*/, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const open: XmlElement[] = [root];
  const tag = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let match = tag.exec(body); match; match = tag.exec(body)) {
    const text = decode(body.slice(last, match.index), last);
    for (const element of open) element.text += text;
    last = tag.lastIndex;
    const [, closing, name, attributes, selfClosing] = match as unknown as [string, string, string, string, string];
    if (closing) {
      const top = open.pop();
      if (!top || top.name !== name || open.length === 0) throw new Error(`</${name}> closes <${top?.name}> at offset ${match.index}.`);
      continue;
    }
    const element: XmlElement = { name, attributes: attributesOf(attributes, match.index), children: [], text: '' };
    open.at(-1)!.children.push(element);
    if (!selfClosing) open.push(element);
  }
  if (body.slice(last).trim() !== '' || open.length !== 1) throw new Error('The document does not end where its root element does.');
  if (root.children.length !== 1) throw new Error('An XML document has one root element.');
  return root.children[0]!;
}

/** Every element under `element` (itself included) whose class list holds `className`. */
export function byClass(element: XmlElement, className: string): XmlElement[] {
  const own = (element.attributes.class ?? '').split(/\s+/).includes(className) ? [element] : [];
  return [...own, ...element.children.flatMap((child) => byClass(child, className))];
}
