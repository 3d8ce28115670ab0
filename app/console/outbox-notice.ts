// Why: a phone whose sign-in was revoked must say so and what to do, not "no connection": which notice the outbox shows, pure.

/**
 * The outbox's one notice: signed out (the server answered 401, or refused the socket's sign-in) wins over
 * "no connection", since the connection is fine and only a new sign-in link helps.
 */
export function outboxNotice(s: { signedOut: boolean; authError: boolean; connection: string }): "signed_out" | "offline" | null {
  if (s.signedOut || s.authError) return "signed_out";
  if (s.connection === "offline" || s.connection === "reconnecting") return "offline";
  return null;
}
