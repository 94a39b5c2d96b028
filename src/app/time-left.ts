/** Short words for time still to go: a scan's estimate, an operation's expiry. */

/** "23 h 59 min", "5 min", "2 h", from a whole number of minutes. */
function hoursAndMinutes(totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/**
 * "about 40 s left", "about 3 min left": what an estimate can honestly say (seconds in fives,
 * then whole minutes); "a few seconds left" near the end, including when the estimate has run out.
 */
export function etaWords(msLeft: number): string {
  const seconds = msLeft / 1000;
  if (seconds < 7.5) return 'a few seconds left';
  if (seconds < 57.5) return `about ${Math.round(seconds / 5) * 5} s left`;
  return `about ${hoursAndMinutes(Math.max(1, Math.round(seconds / 60)))} left`;
}

/**
 * "expires in 23 h 59 min", "expires in 42 s", "expired": counted down, never rounded up, so
 * the words never promise more time than is left.
 */
export function expiryWords(msLeft: number): string {
  if (msLeft <= 0) return 'expired';
  if (msLeft < 60_000) return `expires in ${Math.floor(msLeft / 1000)} s`;
  return `expires in ${hoursAndMinutes(Math.floor(msLeft / 60_000))}`;
}
