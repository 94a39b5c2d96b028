/**
 * `GET` and `PATCH /localread/v1/settings` (extension, served for our own origin only): the
 * user's settings, `{answerAzureHosts, retentionMs}`. A PATCH sends any subset as JSON and gets
 * the whole result back. No key is asked: any script of this origin may read the keys anyway,
 * and a PATCH cannot come from another site (an HTML form sends only GET and POST).
 */
import { loadSettings, saveSettings, type Settings } from '../../jobs/settings';
import { ReadApiError } from '../../read-api/errors';
import type { SettingsInfo } from '../../read-api/extensions';
import { mediaTypeOf } from '../../read-api/media-type';
import { validRetentionMs } from '../../read-api/privacy';
import type { RequestContext } from '../api-context';
import { jsonResponse } from '../respond';

function toInfo({ answerAzureHosts, retentionMs }: Settings): SettingsInfo {
  return { answerAzureHosts, retentionMs };
}

/** A settings patch from a JSON body; throws BadArgument on anything but known, valid fields. */
export function parseSettingsPatch(body: string): Partial<SettingsInfo> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ReadApiError('InvalidRequest', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ReadApiError('BadArgument', 'The body must be a JSON object of settings.');
  }
  const patch: Partial<SettingsInfo> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (name === 'answerAzureHosts') {
      if (typeof value !== 'boolean') throw new ReadApiError('BadArgument', 'answerAzureHosts must be true or false.');
      patch.answerAzureHosts = value;
    } else if (name === 'retentionMs') {
      patch.retentionMs = validRetentionMs(value);
    } else {
      throw new ReadApiError('BadArgument', `Unknown setting '${name}'; known: answerAzureHosts, retentionMs.`);
    }
  }
  return patch;
}

export async function getSettings(context: RequestContext): Promise<Response> {
  return jsonResponse(toInfo(await loadSettings(context.store.db)), 200, context.requestId);
}

export async function patchSettings(context: RequestContext): Promise<Response> {
  const mediaType = mediaTypeOf(context.request.headers.get('Content-Type'));
  if (mediaType !== 'application/json') {
    throw new ReadApiError('UnsupportedMediaType', 'Send the settings as application/json.');
  }
  const patch = parseSettingsPatch(await context.request.text());
  return jsonResponse(toInfo(await saveSettings(context.store.db, patch)), 200, context.requestId);
}
