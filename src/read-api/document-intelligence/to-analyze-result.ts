/**
 * The engine's one stored result (Read 3.2's `AnalyzeResult`) as Document Intelligence's
 * `AnalyzeResult`: `content` is the whole text in reading order (lines of a paragraph joined by a
 * space, paragraphs and pages by a newline; in markdown, blank lines, `# ` for the title and
 * Azure's `<!-- PageHeader="..." -->` comments), and every word, line, paragraph and page points
 * into it with spans in the caller's `stringIndexType`. Pure: the service worker calls it per GET.
 */
import type { AnalyzeResult as ReadAnalyzeResult, ReadResult } from '../types';
import type { DocumentIntelligenceJob } from './job-options';
import { DI_API_VERSIONS } from './paths';
import { groupParagraphs, type LineGroup } from './paragraphs';
import { offsetMapper, toDocumentSpan, type Utf16Span } from './string-index';
import type { AnalyzeResult, DocumentLanguage, DocumentPage, DocumentParagraph, DocumentStyle, ParagraphRole } from './types';

/** What a page, line or word occupies in the content, before conversion to the caller's unit. */
interface Placed<T> {
  item: T;
  spans: Utf16Span[];
}

interface PlacedWord {
  content: string;
  polygon: number[];
  confidence: number;
  span: Utf16Span;
}

interface PlacedPage {
  page: ReadResult;
  span: Utf16Span;
  words: PlacedWord[];
  lines: Array<Placed<{ content: string; polygon: number[]; handwriting?: number }>>;
  paragraphs: Array<Placed<{ content: string; polygon: number[]; role?: ParagraphRole }>>;
}

/** Markdown comments Azure writes for the roles that are not body text. */
const COMMENT: Partial<Record<ParagraphRole, string>> = { pageHeader: 'PageHeader', pageFooter: 'PageFooter', pageNumber: 'PageNumber' };

/** Appends text to the content and says where it went. */
class ContentBuilder {
  text = '';

  append(piece: string): Utf16Span {
    const start = this.text.length;
    this.text += piece;
    return { start, end: this.text.length };
  }
}

/** Each word's place inside its line's text, found by search (not by counting spaces). */
function placeWords(page: ReadResult, lineIndex: number, lineStart: number): PlacedWord[] {
  const line = page.lines[lineIndex]!;
  let cursor = 0;
  return line.words.map((word) => {
    const found = line.text.indexOf(word.text, cursor);
    const at = found >= 0 ? found : Math.min(cursor, line.text.length);
    const length = found >= 0 ? word.text.length : Math.min(word.text.length, line.text.length - at);
    cursor = at + length;
    return { content: word.text, polygon: [...word.boundingBox], confidence: word.confidence, span: { start: lineStart + at, end: lineStart + at + length } };
  });
}

/** One paragraph into the content: its prefix and suffix (markdown) around its lines joined by spaces. */
function placeParagraph(builder: ContentBuilder, page: ReadResult, group: LineGroup, markdown: boolean, placed: PlacedPage): void {
  const comment = group.role ? COMMENT[group.role] : undefined;
  const prefix = markdown ? (comment ? `<!-- ${comment}="` : group.role === 'title' ? '# ' : '') : '';
  const suffix = markdown && comment ? '" -->' : '';
  const lineSpans: Utf16Span[] = [];
  if (prefix) builder.append(prefix);
  group.lines.forEach((lineIndex, i) => {
    if (i > 0) builder.append(' ');
    const line = page.lines[lineIndex]!;
    const span = builder.append(line.text);
    lineSpans.push(span);
    placed.words.push(...placeWords(page, lineIndex, span.start));
    const style = line.appearance?.style;
    const handwriting = style?.name === 'handwriting' ? { handwriting: style.confidence } : {};
    placed.lines.push({ item: { content: line.text, polygon: [...line.boundingBox], ...handwriting }, spans: [span] });
  });
  if (suffix) builder.append(suffix);
  const content = group.lines.map((index) => page.lines[index]!.text).join(' ');
  const span = { start: lineSpans[0]?.start ?? builder.text.length, end: lineSpans.at(-1)?.end ?? builder.text.length };
  placed.paragraphs.push({ item: { content, polygon: group.polygon, ...(group.role ? { role: group.role } : {}) }, spans: [span] });
}

function placePages(read: ReadAnalyzeResult, contract: DocumentIntelligenceJob, builder: ContentBuilder): PlacedPage[] {
  const markdown = contract.outputContentFormat === 'markdown';
  const layout = contract.modelId === 'prebuilt-layout';
  const paragraphBreak = markdown ? '\n\n' : '\n';
  return read.readResults.map((page, pageIndex) => {
    if (pageIndex > 0) builder.append(markdown ? '\n\n<!-- PageBreak -->\n\n' : '\n');
    const start = builder.text.length;
    const placed: PlacedPage = { page, span: { start, end: start }, words: [], lines: [], paragraphs: [] };
    groupParagraphs(page, layout).forEach((group, i) => {
      if (i > 0) builder.append(paragraphBreak);
      placeParagraph(builder, page, group, markdown, placed);
    });
    placed.span.end = builder.text.length;
    return placed;
  });
}

/** DI's angle is in (-180, 180]; Read's in [-180, 180). */
function diAngle(angle: number): number {
  return angle === -180 ? 180 : angle;
}

function meanConfidence(words: PlacedWord[]): number {
  if (words.length === 0) return 0;
  return Math.round((words.reduce((sum, word) => sum + word.confidence, 0) / words.length) * 1000) / 1000;
}

/**
 * `languages` (with `features=languages`): each page's language, as the engine found or was told
 * it, over the page's text. The engine gives no language score, so the confidence is the page's
 * mean word confidence: how well the text read with that language's model.
 */
function languagesOf(pages: PlacedPage[], toUnit: (utf16: number) => number): DocumentLanguage[] {
  const byLocale = new Map<string, DocumentLanguage>();
  for (const { page, span, words } of pages) {
    if (!page.language || span.end === span.start) continue;
    const language = byLocale.get(page.language) ?? { locale: page.language, spans: [], confidence: 1 };
    language.spans.push(toDocumentSpan(span, toUnit));
    language.confidence = Math.min(language.confidence, meanConfidence(words));
    byLocale.set(page.language, language);
  }
  return [...byLocale.values()];
}

export function toAnalyzeResult(read: ReadAnalyzeResult, contract: DocumentIntelligenceJob): AnalyzeResult {
  const builder = new ContentBuilder();
  const placed = placePages(read, contract, builder);
  const toUnit = offsetMapper(builder.text, contract.stringIndexType);
  const span = (value: Utf16Span) => toDocumentSpan(value, toUnit);
  const pages: DocumentPage[] = placed.map(({ page, span: pageSpan, words, lines }) => ({
    pageNumber: page.page,
    angle: diAngle(page.angle),
    width: page.width,
    height: page.height,
    unit: page.unit,
    words: words.map((word) => ({ content: word.content, polygon: word.polygon, confidence: word.confidence, span: span(word.span) })),
    lines: lines.map(({ item, spans }) => ({ content: item.content, polygon: item.polygon, spans: spans.map(span) })),
    spans: [span(pageSpan)],
  }));
  const paragraphs: DocumentParagraph[] = placed.flatMap(({ page, paragraphs: placedParagraphs }) =>
    placedParagraphs.map(({ item, spans }) => ({
      ...(item.role ? { role: item.role } : {}),
      content: item.content,
      boundingRegions: [{ pageNumber: page.page, polygon: item.polygon }],
      spans: spans.map(span),
    })),
  );
  const styles: DocumentStyle[] = placed.flatMap(({ lines }) =>
    lines.flatMap(({ item, spans }) => (item.handwriting === undefined ? [] : [{ isHandwritten: true, confidence: item.handwriting, spans: spans.map(span) }])),
  );
  const result: AnalyzeResult = {
    apiVersion: DI_API_VERSIONS[contract.face],
    modelId: contract.modelId,
    stringIndexType: contract.stringIndexType,
    ...(contract.face === 'documentintelligence' ? { contentFormat: contract.outputContentFormat } : {}),
    content: builder.text,
    pages,
    paragraphs,
    styles,
  };
  if (contract.features.includes('languages')) result.languages = languagesOf(placed, toUnit);
  // Layout's tables are left empty: the engine finds no table structure (README, "Document Intelligence").
  if (contract.modelId === 'prebuilt-layout') result.tables = [];
  return result;
}
