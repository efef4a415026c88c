import fs from "node:fs";
import postcss, { type Root, type Rule } from "postcss";
import type { Plugin } from "vite";

/** Polaris's class names (Polaris-Button, Polaris-Button--variantPrimary, ...) in a text. */
const POLARIS_CLASS = /Polaris-[A-Za-z0-9_-]+/g;

/** Every Polaris class name the texts (the built JavaScript) hold. */
export function polarisClassesIn(texts: Iterable<string>): Set<string> {
  const found = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(POLARIS_CLASS)) found.add(match[0]);
  return found;
}

/** A selector's Polaris classes (from `.Polaris-…` in it). */
function selectorClasses(selector: string): string[] {
  return [...selector.matchAll(/\.(Polaris-[A-Za-z0-9_-]+)/g)].map((match) => match[1]!);
}

/**
 * Polaris's stylesheet without the rules no page can match: a selector naming a Polaris class
 * that no built module holds can never match, because Polaris only ever applies the class names
 * its components' style maps spell out (no name is assembled at run time), and the build keeps
 * the maps of the components the app imports. A rule keeps the selectors of its list that may
 * match and goes when none may; an at-rule (a media query) left empty goes too. Everything that
 * names no Polaris class (tokens on :root, themes, keyframes, fonts) is kept as it is.
 */
export function withoutUnusedPolarisRules(css: string, used: ReadonlySet<string>): string {
  const root: Root = postcss.parse(css);
  root.walkRules((rule: Rule) => {
    // Keyframe steps (from, 50%) are not selectors.
    if (rule.parent?.type === "atrule" && /keyframes$/i.test((rule.parent as { name: string }).name)) return;
    const kept = rule.selectors.filter((selector) => selectorClasses(selector).every((name) => used.has(name)));
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  let removed = true;
  while (removed) {
    removed = false;
    root.walkAtRules((atRule) => {
      if (atRule.nodes !== undefined && atRule.nodes.length === 0) {
        atRule.remove();
        removed = true;
      }
    });
  }
  return root.toString();
}

/** The Polaris stylesheet's module, as app/routes/app.tsx imports its URL. */
const POLARIS_STYLESHEET = /@shopify\/polaris\/build\/esm\/styles\.css\?url$/;

/**
 * A Vite plugin that serves Polaris's stylesheet without the rules the app cannot match, given the
 * classes a first build pass found (`classesFile`, a JSON list). The second pass emits the smaller
 * stylesheet under a name hashed from its own content, so a browser never keeps an older cut of
 * it, and the client and server builds name it alike. Without the file (the first pass, the dev
 * server) the stylesheet is left to Vite as it is.
 */
export function purgeUnusedPolarisCss(classesFile: string | undefined): Plugin {
  const used = classesFile === undefined ? null : new Set<string>(JSON.parse(fs.readFileSync(classesFile, "utf8")));
  return {
    name: "omniroute:purge-unused-polaris-css",
    apply: "build",
    enforce: "pre",
    load(id) {
      if (used === null || !POLARIS_STYLESHEET.test(id)) return null;
      const css = fs.readFileSync(id.replace(/\?url$/, ""), "utf8");
      const reference = this.emitFile({
        type: "asset",
        name: "polaris.css",
        source: withoutUnusedPolarisRules(css, used),
      });
      // Vite's own placeholder for an emitted asset: its asset plugin writes the public URL in its
      // place (/assets/…, the base applied) in the client and the server build alike.
      return `export default ${JSON.stringify(`__VITE_ASSET__${reference}__`)};`;
    },
  };
}
