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

/**
 * The widgets' own sources lose the indentation at the start of their lines: in code it means
 * nothing, and in the template literals (the markup of the html`` templates, CSS written inline) a
 * line break followed by spaces renders as the line break alone (no widget uses `white-space: pre`
 * on template text). esbuild's minifier keeps template literals as written. Only our sources:
 * a library's template literal may hold meaningful white space (a regular expression's class).
 */
export const trimIndentation = (source) => source.replace(/\n[ \t]+/g, '\n');

/** Where the widgets' own sources are. */
const OWN = /[\\/]packages[\\/]widgets[\\/]src[\\/].*\.ts$/;

/** @type {import('esbuild').Plugin} */
export const cssMinifyPlugin = {
  name: 'fk-css-minify',
  setup(build) {
    build.onLoad({ filter: /\.styles\.ts$/ }, async (args) => ({
      contents: minifyCssLiterals(await readFile(args.path, 'utf8')),
      loader: 'ts',
    }));
    build.onLoad({ filter: OWN }, async (args) => ({
      contents: trimIndentation(await readFile(args.path, 'utf8')),
      loader: 'ts',
    }));
  },
};
