/** The PP-OCR worker's entry: exposes the service to the engine that started it. */
import { expose } from 'comlink';
import { createPpocrService } from './ppocr-service';

const api = createPpocrService();

export type PpocrWorkerApi = typeof api;

expose(api);
