/**
 * `GET` and `PATCH /localread/v1/settings` (extension, served for our own origin only): the
 * user's settings, `{answerAzureHosts, retentionMs, secondEngine}`, as the job store applies them.
 * A PATCH sends any subset as JSON and gets the whole result back. No key is asked: any script of
 * this origin may read the keys anyway, and a PATCH cannot come from another site (an HTML form
 * sends only GET and POST).
 */
import { ReadApiError } from '../../read-api/errors';
import type { SettingsInfo } from '../../read-api/extensions';
import { mediaTypeOf } from '../../read-api/media-type';
import { validRetentionMs } from '../../read-api/privacy';
import type { RequestContext } from '../api-context';
import { jsonResponse } from '../respond';

/** The settings that are true or false. */
const SWITCHES = ['answerAzureHosts', 'secondEngine'] as const;
type Switch = (typeof SWITCHES)[number];

const KNOWN = [...SWITCHES, 'retentionMs'].join(', ');

function isSwitch(name: string): name is Switch {
  return SWITCHES.some((known) => known === name);
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
    if (isSwitch(name)) {
      if (typeof value !== 'boolean') throw new ReadApiError('BadArgument', `${name} must be true or false.`);
      patch[name] = value;
    } else if (name === 'retentionMs') {
      patch.retentionMs = validRetentionMs(value);
    } else {
      throw new ReadApiError('BadArgument', `Unknown setting '${name}'; known: ${KNOWN}.`);
    }
  }
  return patch;
}

export async function getSettings(context: RequestContext): Promise<Response> {
  return jsonResponse(await context.store.settings(), 200, context.requestId);
}

export async function patchSettings(context: RequestContext): Promise<Response> {
  const mediaType = mediaTypeOf(context.request.headers.get('Content-Type'));
  if (mediaType !== 'application/json') {
    throw new ReadApiError('UnsupportedMediaType', 'Send the settings as application/json.');
  }
  const patch = parseSettingsPatch(await context.request.text());
  return jsonResponse(await context.store.updateSettings(patch), 200, context.requestId);
}
