/** Asks `url` every `intervalMs` until it answers (true) or `timeoutMs` has passed (false). */
export declare function waitForServer(url: string, options?: { timeoutMs?: number; intervalMs?: number }): Promise<boolean>
