/**
 * The camera worker's entry: finds the sheet in live frames and shots, and warps shots upright,
 * off the main thread so the preview stays smooth.
 */
import { expose } from 'comlink';
import { captureShot, correctShot } from './camera/camera-shot';
import { findFrameOutline } from './camera/frame-outline';

const api = {
  /** The sheet's corners in a live frame (its pixels), or null; the bitmap is closed. */
  findOutline(frame: ImageBitmap) {
    try {
      return findFrameOutline(frame);
    } finally {
      frame.close();
    }
  },
  capture: captureShot,
  correct: correctShot,
};

export type CameraWorkerApi = typeof api;

expose(api);
