/**
 * Azure's own endpoints. Code written for Azure points at `https://<resource>.cognitiveservices.azure.com`
 * (a resource's custom subdomain) or `https://<region>.api.cognitive.microsoft.com` (a regional
 * endpoint); the service worker may answer the Read paths of those hosts on the device, so that
 * such code keeps its documents here without a change.
 */

/** Host suffixes of Azure AI services endpoints (one label, the resource or region, before each). */
export const AZURE_HOST_SUFFIXES: readonly string[] = ['.cognitiveservices.azure.com', '.api.cognitive.microsoft.com'];

/** The Read 3.2 paths: everything under them is answered locally, any other Azure path is not ours. */
export const AZURE_READ_PREFIX = '/vision/v3.2/read/';

/** True for `<one label>.cognitiveservices.azure.com` and `<one label>.api.cognitive.microsoft.com`. */
export function isAzureHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return AZURE_HOST_SUFFIXES.some((suffix) => {
    if (!host.endsWith(suffix)) return false;
    const label = host.slice(0, -suffix.length);
    return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label);
  });
}

/** Document Intelligence's paths (2024-11-30, and the legacy Form Recognizer 2023-07-31), answered locally too. */
export const AZURE_DOCUMENT_INTELLIGENCE_PREFIXES: readonly string[] = ['/documentintelligence/', '/formrecognizer/'];

/**
 * Image Analysis 4.0's analyze call (`paths.ts` IMAGE_ANALYSIS_PATH; repeated, not imported, because
 * vite.config.ts loads this module through build/csp.ts, where imports without an extension warn).
 */
export const AZURE_IMAGE_ANALYSIS_PATH = '/computervision/imageanalysis:analyze';

/** True for an https URL on an Azure host of the APIs answered here: Read 3.2, Document Intelligence, Image Analysis's analyze call. */
export function isAzureReadUrl(url: URL): boolean {
  const { pathname } = url;
  const ours =
    pathname.startsWith(AZURE_READ_PREFIX) || pathname === AZURE_IMAGE_ANALYSIS_PATH || AZURE_DOCUMENT_INTELLIGENCE_PREFIXES.some((prefix) => pathname.startsWith(prefix));
  return url.protocol === 'https:' && url.port === '' && isAzureHost(url.hostname) && ours;
}
