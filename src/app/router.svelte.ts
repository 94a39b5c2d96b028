/**
 * Which view the app shows, from the URL hash (`#/api`, `#/privacy`, …), so views can be linked
 * and the back button works. Hash routing needs nothing from the service worker's navigation.
 */
export const VIEWS = ['scan', 'api', 'privacy'] as const;
export type View = (typeof VIEWS)[number];

function viewFromHash(hash: string): View {
  const name = hash.replace(/^#\/?/, '');
  return (VIEWS as readonly string[]).includes(name) ? (name as View) : 'scan';
}

export class Router {
  view = $state<View>(viewFromHash(location.hash));

  constructor() {
    addEventListener('hashchange', () => (this.view = viewFromHash(location.hash)));
  }

  href(view: View): string {
    return view === 'scan' ? '#/' : `#/${view}`;
  }
}
