// IndexedDB for the job store's tests: fake-indexeddb implements the whole API in memory.
import 'fake-indexeddb/auto';
