/** Bodies of our extension endpoints (under /localread/), which Azure does not have. */

/** `GET /localread/v1/keys`. */
export interface KeysInfo {
  /** The origin to use as the Azure endpoint. */
  endpoint: string;
  key1: string;
  key2: string;
}
