/** Whether a toy's companion can start on the home server, and why not (GET /api/toys/companion). */
export interface CompanionReadiness {
  /** 'checking' while the server still verifies the model files it has. */
  state: 'ready' | 'checking' | 'missing';
  canStart: boolean;
  /** Plain words for a parent; null when ready. */
  reason: string | null;
}
