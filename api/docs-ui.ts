import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui';
import { DOCS_CSP } from '../core/security-headers.js';

/**
 * The console at /docs, made to pass axe (WCAG 2 AA): the base layout without Swagger UI's top bar (an image
 * without text, an unlabelled URL field, an unnamed dark-mode button), no deep links (a link inside each
 * operation's button), no syntax colours (too pale on their dark ground), no copy buttons (they have no name: the
 * text can be selected), and colours that contrast enough: dark text on the method badges, darker links and
 * buttons, and buttons that take their colours at once (Swagger UI fades them in over 0.3 s, pale white on pale blue
 * while it lasts).
 */
const THEME = `
.swagger-ui .opblock .opblock-summary-method, .swagger-ui .info .title small pre { color: #111; }
.swagger-ui .info .title small.version-stamp { background: #5a7d00; }
.swagger-ui .info .title small.version-stamp pre { color: #fff; }
.swagger-ui .btn.authorize { color: #0b6b3a; border-color: #0b6b3a; }
.swagger-ui .btn.authorize svg { fill: #0b6b3a; }
.swagger-ui .info a, .swagger-ui .info .url, .swagger-ui a.nostyle:focus-visible { color: #1a5fb4; }
.swagger-ui .btn.execute { background: #1a5fb4; border-color: #1a5fb4; }
.swagger-ui .btn.cancel { color: #b00020; border-color: #b00020; }
.swagger-ui .download-contents { background: #4f5563; }
.swagger-ui .copy-to-clipboard { display: none; }
.swagger-ui .btn { transition: none; }
`;

/**
 * Landmarks and heading levels that Swagger UI leaves out, set as it renders: the console is the page's main
 * region, each tag is a second-level heading under the title, and the headings inside an operation or the schemas a
 * level below it.
 */
const LANDMARKS = `
const levels = [
  ['h3.opblock-tag', '2'],
  ['.models h4', '2'],
  ['.opblock h4', '3'],
  ['.opblock h5', '4'],
  ['.model-container h4', '3'],
];
const fix = () => {
  document.getElementById('swagger-ui')?.setAttribute('role', 'main');
  for (const [selector, level] of levels)
    for (const heading of document.querySelectorAll(selector + ':not([aria-level])'))
      heading.setAttribute('aria-level', level);
};
new MutationObserver(fix).observe(document.documentElement, { childList: true, subtree: true });
fix();
`;

export const DOCS_UI: FastifySwaggerUiOptions = {
  routePrefix: '/docs',
  staticCSP: DOCS_CSP,
  uiConfig: { layout: 'BaseLayout', deepLinking: false, syntaxHighlight: false },
  theme: {
    css: [{ filename: 'countersign.css', content: THEME }],
    js: [{ filename: 'countersign-landmarks.js', content: LANDMARKS }],
  },
};
