import { parseEnv, type Env } from "./config/environment";

export { runsWorkersInProcess, type Env } from "./config/environment";

/** The validated environment; importing this module fails fast on a bad one. */
export const env: Env = parseEnv(process.env);
