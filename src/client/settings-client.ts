/** The user's settings, through our extension endpoint `/localread/v1/settings`. */
import type { ErrorBody } from '../read-api/errors';
import type { SettingsInfo } from '../read-api/extensions';
import { SETTINGS_PATH } from '../read-api/paths';

async function settingsFrom(response: Response): Promise<SettingsInfo> {
  if (response.ok) return (await response.json()) as SettingsInfo;
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  throw new Error(body?.error?.message ?? `The settings could not be saved (${response.status}).`);
}

export async function fetchSettings(origin = location.origin): Promise<SettingsInfo> {
  return settingsFrom(await fetch(new URL(SETTINGS_PATH, origin)));
}

/** Changes the given settings; resolves with all of them as stored. */
export async function updateSettings(patch: Partial<SettingsInfo>, origin = location.origin): Promise<SettingsInfo> {
  const response = await fetch(new URL(SETTINGS_PATH, origin), {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(patch),
  });
  return settingsFrom(response);
}
