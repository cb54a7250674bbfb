export { openStore } from './open-store.js';
export { describeDatabase, openPostgresStore } from './postgres-store.js';
export { openSqliteStore, STORE_FILE } from './sqlite-store.js';
export {
  ANSWER_TTL_MS,
  type ChannelRules,
  type FeedbackRecord,
  type HeldLock,
  type QuestionRecord,
  type Store,
  type StoreChange,
  type StoredSynonymGroup,
  StoreError,
  type StoreErrorCode,
} from './store.js';
