/** The app's base URL, absolute: the service worker and every runtime asset live under it. */
export function appBaseUrl(): string {
  return new URL(import.meta.env.BASE_URL, location.origin).href;
}

export function serviceWorkerUrl(): string {
  return new URL('sw.js', appBaseUrl()).href;
}
