/** Body of every 4xx/5xx answer of the back-office API (`/admin/api`). */
export interface ApiErrorBody {
  message: string;
  /** Present on validation failures (400): one message per offending field. */
  errors?: Record<string, string>;
}
