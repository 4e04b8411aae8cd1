/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// In `npm run dev`, API calls go to a running `sourcebook serve` (or the mock
// in e2e/mock-server.mjs): SOURCEBOOK_API=http://127.0.0.1:PORT npm run dev,
// then open the dev URL with ?token=... copied from the server's line.
const api = process.env.SOURCEBOOK_API;

export default defineConfig({
  base: './',
  plugins: [svelte()],
  // Vitest mounts components in jsdom: resolve Svelte's browser build there.
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: api
    ? {
        proxy: {
          '/api': {
            target: api,
            // The server refuses other Host and Origin headers (DNS
            // rebinding, cross-site calls): present the dev calls as its own.
            changeOrigin: true,
            configure: (proxy) => proxy.on('proxyReq', (req) => req.setHeader('Origin', new URL(api).origin)),
          },
        },
      }
    : undefined,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
});
