// Appending long lists without spreading them into call arguments, which
// overflows the stack past roughly 100.000 elements.

export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
