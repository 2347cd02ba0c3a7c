export interface NotificationOptions {
  /** Public base URL, for links to the console. */
  issuer: string;
  /** Unset: mail stays in the outbox, shown as not sent for lack of SMTP. */
  smtpUrl?: string;
  from: string;
}

export const NOTIFICATION_OPTIONS = Symbol('NOTIFICATION_OPTIONS');
