/** The user's settings, through our extension endpoint `/localread/v1/settings` (no key needed). */
import type { SettingsInfo } from '../read-api/extensions';
import { SETTINGS_PATH } from '../read-api/paths';
import { bodyOf } from './api-transport';

export async function fetchSettings(origin = location.origin): Promise<SettingsInfo> {
  return bodyOf<SettingsInfo>(await fetch(new URL(SETTINGS_PATH, origin)));
}

/** Changes the given settings; resolves with all of them as stored. */
export async function updateSettings(patch: Partial<SettingsInfo>, origin = location.origin): Promise<SettingsInfo> {
  const response = await fetch(new URL(SETTINGS_PATH, origin), {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(patch),
  });
  return bodyOf<SettingsInfo>(response);
}
