// Types of app-views.mjs, for the e2e spec (TypeScript).
import type { Page } from '@playwright/test';
export const SCAN_FIXTURE: string;
export const SCAN_FIXTURE_TEXT: string;
export function waitForApp(page: Page): Promise<void>;
export interface AppView {
  name: string;
  title: string;
  hash: string | null;
  /** Brings the view up (from the app's start view). */
  open(page: Page): Promise<void>;
}
export const APP_VIEWS: readonly AppView[];
