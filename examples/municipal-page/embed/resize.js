/* Sizes iframes of /embed/ pages to their content. A height counts only from an iframe's own
   window and the origin of its src. See docs/widgets.md. */
(() => {
  const frames = () => document.getElementsByTagName('iframe');
  const origin = (f) => { try { return new URL(f.src, location.href).origin; } catch { return null; } };
  addEventListener('message', (e) => {
    const d = e.data;
    if (!d || d.type !== 'fachkraefte:embed-height' || !Number.isFinite(d.height)) return;
    for (const f of frames()) {
      if (f.contentWindow !== e.source) continue;
      const h = Math.ceil(d.height);
      if (origin(f) === e.origin && h > 0 && h < 1e5) {
        f.style.boxSizing = 'content-box';
        f.style.height = `${h}px`;
      }
      return;
    }
  });
  // Frames loaded before this script: ask again.
  for (const f of frames()) {
    const o = origin(f);
    if (o && o !== 'null') f.contentWindow?.postMessage({ type: 'fachkraefte:embed-measure' }, o);
  }
})();
