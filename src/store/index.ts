export { openSqliteStore, STORE_FILE } from './sqlite-store.js';
export { StoreError, type Store, type StoreErrorCode, type QuestionRecord, type FeedbackRecord, type StoredSynonymGroup, type ChannelRules } from './store.js';
