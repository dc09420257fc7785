/**
 * Waits until `check` returns something truthy, and returns it: the element's next state as a
 * person would see it (a heading, a message), however many updates and requests it takes.
 * Fails after `timeout` ms, naming `what` was awaited (a function is asked only then, so it can
 * say what the page showed instead).
 *
 * @example
 * const alert = await until(() => el.shadowRoot!.querySelector('[role=alert]'), 'the error message');
 */
export async function until<T>(check: () => T | undefined | null | false | '' | 0, what: string | (() => string), timeout = 20_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
