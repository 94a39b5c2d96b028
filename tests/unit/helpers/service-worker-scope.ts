/**
 * Import first in a test that loads workbox: its dev-mode logger writes `self.__WB_DISABLE_DEV_LOGS`
 * when its module loads, and Node has no `self`. Logs stay off.
 */
if (!('self' in globalThis)) Object.defineProperty(globalThis, 'self', { value: globalThis, configurable: true });
Object.assign(globalThis, { __WB_DISABLE_DEV_LOGS: true });

export {};
