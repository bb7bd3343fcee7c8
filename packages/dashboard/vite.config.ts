import { defineConfig } from 'vite';

// Served by the reference collector under /dashboard/ (same origin as the API it reads).
export default defineConfig({
  base: '/dashboard/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0 },
});
