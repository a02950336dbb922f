import {defineConfig} from 'vitest/config'

// CLI and batch tests start processes and worker threads that load jsdom: give them time.
// Time is never asserted: speed targets live in `npm run bench:speed`.
export default defineConfig({test: {testTimeout: 60_000, hookTimeout: 60_000}})
