export { openSqliteStore, STORE_FILE } from './sqlite-store.js';
export { openPostgresStore, describeDatabase } from './postgres-store.js';
export { openStore } from './open-store.js';
export {
  ANSWER_TTL_MS, StoreError, type Store, type StoreErrorCode, type QuestionRecord, type FeedbackRecord, type StoredSynonymGroup, type ChannelRules,
  type StoreChange, type HeldLock,
} from './store.js';
