/** The engine worker's entry: exposes the engine to the page that started it. */
import { expose } from 'comlink';
import { runEngine } from './engine';

const api = { start: runEngine };

export type EngineWorkerApi = typeof api;

expose(api);
