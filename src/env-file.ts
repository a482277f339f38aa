/**
 * Reads `.env` from the working directory into process.env, as `.env.example` promises. Variables
 * already set in the environment win over the file (Node's own rule); a missing file is fine.
 */
export function loadEnvFile(path = '.env'): boolean {
  try {
    process.loadEnvFile(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
}
