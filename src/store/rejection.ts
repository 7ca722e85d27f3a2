/** A promise rejected with `error` as it is, as a `throw` in an async function would. */
export async function rejection(error: unknown): Promise<never> {
  throw error;
}
