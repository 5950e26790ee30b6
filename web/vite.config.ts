import { defineConfig } from 'vite'
import preact from '@preact/preset-vite'
import { fileURLToPath } from 'node:url'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * The console (an app under /console/) and the promise widget (one file a shop loads with one
 * script tag) are built together into web/dist, which the server serves at /console/.
 */
export default defineConfig({
  root: here('.'),
  base: '/console/',
  plugins: [preact()],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: { console: here('index.html'), widget: here('widget/sellahead-promise.ts') },
      output: {
        // The widget keeps a stable name: shops paste its URL once.
        entryFileNames: (chunk) => (chunk.name === 'widget' ? 'widget/sellahead-promise.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
})
