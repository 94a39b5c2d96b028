/** The time, as state that moves every second, for countdowns. */
export class Now {
  value = $state(Date.now());

  /** Create it while a component initialises: it ticks while that component is mounted. */
  constructor(intervalMs = 1000) {
    $effect(() => {
      const timer = setInterval(() => (this.value = Date.now()), intervalMs);
      return () => clearInterval(timer);
    });
  }
}
