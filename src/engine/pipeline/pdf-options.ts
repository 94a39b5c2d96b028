/** What the engine's pdf.js documents are opened with, wherever they are parsed. */

/** Data files pdf.js fetches at run time; build/runtime-assets.ts copies them into the build. */
export function pdfAssetUrls(baseUrl: string) {
  return {
    cMapUrl: new URL('pdfjs/cmaps/', baseUrl).href,
    standardFontDataUrl: new URL('pdfjs/standard_fonts/', baseUrl).href,
    wasmUrl: new URL('pdfjs/wasm/', baseUrl).href,
    iccUrl: new URL('pdfjs/iccs/', baseUrl).href,
  };
}

/**
 * The options every document is read with (the text parsers and the renderer must see the same
 * fonts, so that a page's text and boxes do not depend on who read it). Workers have no FontFace
 * in a document: glyphs are drawn as paths and data files fetched by pdf.js's own thread.
 */
export function pdfReadOptions(baseUrl: string) {
  return { ...pdfAssetUrls(baseUrl), disableFontFace: true, useSystemFonts: false, useWorkerFetch: true };
}
