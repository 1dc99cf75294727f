const warned = new Set<string>();

/**
 * Registers `tag` unless the name is taken. Two copies (or two versions) of the bundle on one page
 * must not throw `NotSupportedError` into the host page: the second copy keeps the first one's
 * element and warns once per tag.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor && !warned.has(tag)) {
      warned.add(tag);
      console.warn(
        `[fachkraefte] <${tag}> is already defined (by another copy of @fachkraefte/widgets?); using that one.`,
      );
    }
    return;
  }
  try {
    customElements.define(tag, ctor);
  } catch (error) {
    // A race with another copy defining between get() and define(): same outcome, same warning.
    if (!warned.has(tag)) {
      warned.add(tag);
      console.warn(`[fachkraefte] could not define <${tag}>:`, error);
    }
  }
}
