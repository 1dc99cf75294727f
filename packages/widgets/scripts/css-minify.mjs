// An esbuild plugin for the builds that ship (the CDN folder and dist/): the `css` template
// literals of the *.styles.ts files lose their comments and indentation. esbuild's minifier leaves
// template literals alone, and the styles are written one readable rule per line with comments
// saying why; shipped as written, that is some hundreds of bytes per widget after gzip.
import { readFile } from 'node:fs/promises';

/**
 * The text of a CSS template literal part, minified conservatively: comments out, runs of white
 * space to one space, none around `{ } ; ,` nor after `:` (a selector never has white space after
 * a colon; `.a :focus` keeps the space before it), no `;` before `}`. The styles hold no strings
 * with such characters (checked by test/size.test.ts).
 */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

/** Rewrites every css`…` literal of a module's source; `${…}` expressions stay as they are. */
export function minifyCssLiterals(source) {
  return source.replace(/\bcss`([^`]*)`/g, (_, body) => {
    const parts = body.split(/(\$\{[^}]*\})/);
    return `css\`${parts.map((p, i) => (i % 2 ? p : minifyCss(p))).join('')}\``;
  });
}

/** @type {import('esbuild').Plugin} */
export const cssMinifyPlugin = {
  name: 'fk-css-minify',
  setup(build) {
    build.onLoad({ filter: /\.styles\.ts$/ }, async (args) => ({
      contents: minifyCssLiterals(await readFile(args.path, 'utf8')),
      loader: 'ts',
    }));
  },
};

/**
 * Minified output loses the indentation inside its template literals: the markup of the html``
 * templates and the CSS written inline. In esbuild's minified output a line break stands only inside
 * a template literal, so `\n` followed by spaces or tabs can only be such indentation; in markup it
 * renders as the line break alone (no widget uses `white-space: pre` on template text). Some 130
 * bytes gzip over the three widgets.
 */
export const trimIndentation = (code) => code.replace(/\n[ \t]+/g, '\n');

/** The same as a tsup plugin, for the minified CDN build. */
export const trimIndentationPlugin = {
  name: 'fk-trim-indentation',
  renderChunk: (code) => ({ code: trimIndentation(code) }),
};
