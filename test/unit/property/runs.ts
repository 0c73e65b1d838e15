// How many cases each property test tries. CI runs the default (at least
// 1.000); FC_RUNS raises it for a long local soak.
export const NUM_RUNS = Math.max(1000, Number(process.env.FC_RUNS ?? 0) || 0);
