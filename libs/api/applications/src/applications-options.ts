import type { DormancyOptions } from './dormancy/dormancy';

export interface ApplicationsOptions {
  /** How many days before a secret expires its owner is emailed; 0: never. */
  secretExpiryWarningDays: number;
  dormancy: DormancyOptions;
  /** False where no background work belongs (the command line): the expiry and dormancy checks never start. */
  scheduledChecks?: boolean;
}

export const APPLICATIONS_OPTIONS = Symbol('APPLICATIONS_OPTIONS');
