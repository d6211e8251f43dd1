// Puts the shell's CSP into the built index.html as a <meta> tag. The packaged app loads the page from
// file://, where Electron's docs say response-header CSP may not apply; the meta tag always does.
// Build-only: Vite's dev server needs an inline React Refresh preamble that this policy would block.
import type { Plugin } from 'vite'
import { metaContentSecurityPolicy } from '../main/csp'

export function cspMetaPlugin(): Plugin {
  return {
    name: 'tongxin:csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy()}" />`
      // After <meta charset> (which must come first) and before any script the policy governs.
      const charset = /<meta\s+charset=[^>]*>/i
      if (charset.test(html)) return html.replace(charset, (tag) => `${tag}\n    ${meta}`)
      return html.replace(/<head[^>]*>/i, (tag) => `${tag}\n    ${meta}`)
    },
  }
}
