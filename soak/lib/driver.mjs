// The soak's page driver: code installed in an app page that calls the HTTP API with fetch(), as
// any script on the page would, and counts every answer (status, Azure shape of error bodies,
// network failures). Node asks it to submit and follow jobs, or to send fuzzed requests, and
// reads its counts back. A page's counts are lost with the page: read them before closing it.

/** Mirrors src/engine/pipeline/run-job.ts `pageDeadlineMs`, MAX_ATTEMPTS and the 30 s lease. */
export const MAX_ATTEMPTS = 3;
export const LEASE_MS = 30_000;
export function pageDeadlineMs(pixels, scale = 1) {
  return Math.round((60_000 + (pixels / 1e6) * 25_000) * scale);
}

/**
 * The longest a job of this document may stay `running`: every attempt reading each page up to its
 * deadline one after the other, then a lease running out before the next claim.
 */
export function runningBoundMs(doc, deadlineScale = 1) {
  return MAX_ATTEMPTS * (doc.pages * pageDeadlineMs(doc.pixels, deadlineScale) + LEASE_MS) + 5_000;
}

/** Installs the driver in `page` (once per page) and hands it `docs` ({name, bytes}). */
export async function installDriver(page, docs = []) {
  await page.evaluate(() => {
    if (window.__soak) return;
    const stats = () => ({ requests: 0, byStatus: {}, fiveXX: 0, networkErrors: 0, notAzureShaped: 0, samples: [] });
    const soak = {
      docs: {},
      stats: stats(),
      reset() {
        const old = soak.stats;
        soak.stats = stats();
        return old;
      },
      async key(id = 'key1') {
        for (;;) {
          try {
            return (await (await fetch('/localread/v1/keys')).json())[id];
          } catch {
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
      },
      /** One counted request. `body`: {kind: 'doc', name} | {kind: 'b64', data} | {kind: 'text', text} | {kind: 'huge', size}. */
      async call(method, url, headers = {}, body = undefined) {
        let payload;
        if (body?.kind === 'doc') payload = new Blob([soak.docs[body.name]]);
        else if (body?.kind === 'b64') payload = new Blob([Uint8Array.from(atob(body.data), (c) => c.charCodeAt(0))]);
        else if (body?.kind === 'text') payload = body.text;
        else if (body?.kind === 'huge') payload = `{"url":"${'a'.repeat(body.size)}","x":[${'1,'.repeat(1000)}1]}`;
        const s = soak.stats;
        s.requests += 1;
        let response;
        try {
          response = await fetch(url, { method, headers, body: payload, cache: 'no-store' });
        } catch (error) {
          s.networkErrors += 1;
          s.byStatus.network = (s.byStatus.network ?? 0) + 1;
          if (s.samples.length < 8) s.samples.push({ method, url: url.slice(0, 120), status: 'network', body: String(error).slice(0, 200) });
          return { status: 0, headers: new Headers(), json: null };
        }
        s.byStatus[response.status] = (s.byStatus[response.status] ?? 0) + 1;
        const text = await response.text().catch(() => '');
        let json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          // not JSON
        }
        if (response.status >= 500) s.fiveXX += 1;
        // A HEAD answer has no body, so its shape cannot be checked.
        const shaped = json !== null && typeof json === 'object' && typeof json.error?.code === 'string' && typeof json.error?.message === 'string';
        const bad = (response.status >= 400 && method !== 'HEAD' && !shaped) || response.status >= 500;
        if (response.status >= 400 && method !== 'HEAD' && !shaped) s.notAzureShaped += 1;
        if (bad && s.samples.length < 8) s.samples.push({ method, url: url.slice(0, 120), status: response.status, contentType: response.headers.get('content-type'), body: text.slice(0, 200) });
        return { status: response.status, headers: response.headers, json };
      },
      async submit(name, query = '') {
        const key = await soak.key();
        const answer = await soak.call('POST', `/vision/v3.2/read/analyze${query}`, { 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/octet-stream' }, { kind: 'doc', name });
        const location = answer.status === 202 ? answer.headers.get('Operation-Location') : null;
        return { name, status: answer.status, location, id: location ? new URL(location).pathname.split('/').pop() : null, submittedAt: Date.now(), code: answer.json?.error?.code ?? null };
      },
      /** Polls a submitted job until it ends, a 404 or `giveUpMs`; says how long it was `running`. */
      async follow(job, { giveUpMs, pollMs = 500, boundMs, deletedAfter = () => false }) {
        const key = await soak.key();
        const until = job.submittedAt + giveUpMs;
        let runningSince = null;
        let last = null;
        for (;;) {
          const answer = await soak.call('GET', job.location, { 'Ocp-Apim-Subscription-Key': key });
          const now = Date.now();
          if (answer.status === 200) {
            last = answer.json.status;
            if (last === 'running' && runningSince === null) runningSince = now;
            if (last === 'succeeded' || last === 'failed') {
              const runningMs = runningSince === null ? 0 : now - runningSince;
              return { ...job, outcome: last, code: answer.json.error?.code ?? null, ms: now - job.submittedAt, runningMs, stuck: runningMs > boundMs };
            }
          } else if (answer.status === 404) {
            return { ...job, outcome: deletedAfter(job.submittedAt) ? 'deleted' : 'lost', code: '404', ms: now - job.submittedAt, runningMs: 0, stuck: false };
          }
          if (now > until) {
            const runningMs = runningSince === null ? 0 : now - runningSince;
            return { ...job, outcome: 'lost', code: `still ${last}`, ms: now - job.submittedAt, runningMs, stuck: last === 'running' && runningMs > boundMs };
          }
          await new Promise((resolve) => setTimeout(resolve, pollMs));
        }
      },
    };
    window.__soak = soak;
  });
  await addDocs(page, docs);
}

/** Hands documents to the page once, so a hundred submissions do not carry a hundred copies. */
export async function addDocs(page, docs) {
  for (const doc of docs) {
    await page.evaluate(({ name, data }) => {
      window.__soak.docs[name] = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    }, { name: doc.name, data: Buffer.from(doc.bytes).toString('base64') });
  }
}

/**
 * Submits `jobs` ({name, query?, boundMs}) from the page, `spacingMs` apart (0: all at once), and
 * follows each to its end. Resolves with one record per job (`status` of the POST; `outcome`
 * succeeded, failed, lost or refused).
 */
export function submitAndFollow(page, jobs, { giveUpMs, pollMs = 500, spacingMs = 0 }) {
  return page.evaluate(async ({ jobs, giveUpMs, pollMs, spacingMs }) => {
    const one = async (job, index) => {
      if (spacingMs) await new Promise((resolve) => setTimeout(resolve, index * spacingMs));
      const submitted = await window.__soak.submit(job.name, job.query ?? '');
      if (!submitted.location) return { ...submitted, outcome: 'refused', ms: 0, runningMs: 0, stuck: false };
      return window.__soak.follow(submitted, { giveUpMs, pollMs, boundMs: job.boundMs });
    };
    return Promise.all(jobs.map(one));
  }, { jobs, giveUpMs, pollMs, spacingMs });
}

/** Submits one document and resolves with its record once the engine has read part of it. */
export function submitAndWaitRunning(page, name, { timeoutMs = 120_000, minPagesDone = 0 } = {}) {
  return page.evaluate(async ({ name, timeoutMs, minPagesDone }) => {
    const job = await window.__soak.submit(name);
    if (!job.location) throw new Error(`submission refused: ${job.status}`);
    const key = await window.__soak.key();
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const answer = await window.__soak.call('GET', job.location, { 'Ocp-Apim-Subscription-Key': key });
      const body = answer.json;
      if (body?.status === 'running' && (body.progress?.pagesDone ?? 0) >= minPagesDone) return job;
      if (body?.status === 'succeeded' || body?.status === 'failed') throw new Error(`the job ended before the test could act: ${body.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the job never started running');
  }, { name, timeoutMs, minPagesDone });
}

/** Follows a job (a record from another page too) from `page` to its end. */
export function followInPage(page, job, options) {
  return page.evaluate(({ job, options }) => window.__soak.follow(job, options), { job, options });
}

/**
 * Sends fuzzed requests (fuzz.mjs) from the page, `parallel` at a time. Resolves with the
 * operations they created and when `DELETE /localread/v1/operations` was last accepted.
 */
export function sendFuzzed(page, requests, parallel = 8) {
  return page.evaluate(async ({ requests, parallel }) => {
    const created = [];
    const deletes = [];
    let next = 0;
    const keyFor = async (mode) => {
      switch (mode) {
        case 'valid':
          return window.__soak.key();
        case 'key2':
          return window.__soak.key('key2');
        case 'wrong':
          return '0123456789abcdef0123456789abcdef';
        case 'empty':
          return '';
        case 'long':
          return 'k'.repeat(8192);
        default:
          return null;
      }
    };
    const lane = async () => {
      while (next < requests.length) {
        const request = requests[next++];
        const key = await keyFor(request.keyMode);
        const headers = { ...request.headers, ...(key === null ? {} : { 'Ocp-Apim-Subscription-Key': key }) };
        const at = Date.now();
        const answer = await window.__soak.call(request.method, request.url, headers, request.body);
        if (answer.status === 202 && answer.headers.get('Operation-Location')) {
          const location = answer.headers.get('Operation-Location');
          created.push({ name: 'fuzz', status: 202, location, id: new URL(location).pathname.split('/').pop(), submittedAt: at });
        }
        if (request.method === 'DELETE' && answer.status < 300 && /\/localread\/v1\/operations(\?|$)/.test(request.url)) deletes.push(at);
      }
    };
    await Promise.all(Array.from({ length: parallel }, lane));
    return { created, deletes };
  }, { requests, parallel });
}

/** Follows the operations the fuzz created; a 404 after an accepted "delete all" is no loss. */
export function followFuzzed(page, created, deletes, options) {
  return page.evaluate(({ created, deletes, options }) =>
    Promise.all(created.map((job) => window.__soak.follow(job, { ...options, deletedAfter: (at) => deletes.some((d) => d >= at) }))),
  { created, deletes, options });
}

/** The page's counts since the last call, and starts new ones. */
export function takeStats(page) {
  return page.evaluate(() => window.__soak.reset());
}

/** Every stored operation's status, from `GET /localread/v1/operations`. */
export function listOperations(page) {
  return page.evaluate(async () => {
    const key = await window.__soak.key();
    const answer = await fetch('/localread/v1/operations', { headers: { 'Ocp-Apim-Subscription-Key': key } });
    return (await answer.json()).operations;
  });
}
