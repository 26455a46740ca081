/** The two parts of React's scheduler the program uses (src/ui/paced-stdin.ts); the package ships no types. */
declare module 'scheduler' {
  export const unstable_IdlePriority: number;
  export function unstable_scheduleCallback(priority: number, callback: () => void): unknown;
}
