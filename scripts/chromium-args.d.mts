export const QUIET_ARGS: string[];
export const GPU_ARGS: string[];
