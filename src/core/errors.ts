import { MESSAGES } from '../present/catalogue.js';

/**
 * Expected failures, as values. Each code has a message for the user in both
 * languages (in the catalogue); adapters show it (ephemerally where they can) and log the code.
 */
export const USER_ERRORS = MESSAGES.errors;

export type UserErrorCode = keyof typeof USER_ERRORS;

/** An expected failure thrown inside a command; dispatch turns it into an error reply. */
export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    readonly detail?: string,
  ) {
    super(detail ?? USER_ERRORS[code].en);
    this.name = 'UserError';
  }
}
