/**
 * The URL paths of the Document Intelligence face: `/{face}/documentModels/{modelId}:analyze`,
 * `.../documentModels/{modelId}/analyzeResults/{resultId}` and its `/pdf`. The `:analyze` is part
 * of the last segment: split on its last ':' (CONTRACT.md §1).
 */
import type { DiFace } from './job-options';

export const DI_FACES: readonly DiFace[] = ['documentintelligence', 'formrecognizer'];

/** The only api-version of each face. */
export const DI_API_VERSIONS: Readonly<Record<DiFace, string>> = {
  documentintelligence: '2024-11-30',
  formrecognizer: '2023-07-31',
};

/** Every path under these prefixes is this face's (answered here, or its 404). */
export const DI_PATH_PREFIXES: readonly string[] = DI_FACES.map((face) => `/${face}/`);

export type DiAction = 'analyze' | 'result' | 'pdf';

export interface DiPath {
  face: DiFace;
  modelId: string;
  action: DiAction;
  /** For `result` and `pdf`. */
  resultId?: string;
}

function faceOf(segment: string | undefined): DiFace | null {
  return DI_FACES.find((face) => face === segment) ?? null;
}

/** The operation a path names, or null when it is none of ours (another operation, a typo). */
export function parseDiPath(pathname: string): DiPath | null {
  let segments: string[];
  try {
    segments = pathname.split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
  const [empty, faceSegment, models, modelSegment, results, resultId, pdf, ...rest] = segments;
  const face = faceOf(faceSegment);
  if (empty !== '' || !face || models !== 'documentModels' || !modelSegment || rest.length > 0) return null;
  if (results === undefined) {
    const colon = modelSegment.lastIndexOf(':');
    if (colon <= 0 || modelSegment.slice(colon + 1) !== 'analyze') return null;
    return { face, modelId: modelSegment.slice(0, colon), action: 'analyze' };
  }
  if (results !== 'analyzeResults' || !resultId) return null;
  if (pdf === undefined) return { face, modelId: modelSegment, action: 'result', resultId };
  return pdf === 'pdf' ? { face, modelId: modelSegment, action: 'pdf', resultId } : null;
}

/** True for any path under the face's prefixes (the router answers the rest with a 404). */
export function isDiPath(pathname: string): boolean {
  return DI_PATH_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

/** `Operation-Location`: absolute, on the origin the caller addressed, with the face's api-version. */
export function diOperationLocation(origin: string, face: DiFace, modelId: string, id: string): string {
  return `${origin}/${face}/documentModels/${modelId}/analyzeResults/${id}?api-version=${DI_API_VERSIONS[face]}`;
}
