import bitrix24UIPluginVite from '@bitrix24/b24ui-nuxt/vite';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The API runs on its own port in development; in production the server
// serves these built assets itself, so the same relative /api paths work.
const apiTarget = process.env.AUDIOBOT_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [
    vue(),
    bitrix24UIPluginVite({
      colorMode: false,
      // Typed by src/b24ui-components.d.ts instead of files rewritten on every build.
      dts: false,
      b24ui: {},
    }),
  ],
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
});
