/* Sizes the iframes of /embed/ pages to their content. A height counts only if it comes from an
   iframe's own window, from the origin of its src, and that is the origin of this script. */
(() => {
  const at = (u) => { try { return new URL(u, location.href).origin; } catch { return null; } };
  const me = at(document.currentScript?.src ?? '');
  const frames = () => [...document.getElementsByTagName('iframe')].filter((f) => at(f.src) === me);
  addEventListener('message', (e) => {
    const d = e.data;
    if (e.origin !== me || !d || d.type !== 'fachkraefte:embed-height' || !Number.isFinite(d.height)) return;
    const f = frames().find((x) => x.contentWindow === e.source);
    const h = Math.ceil(d.height);
    if (f && h > 0 && h < 1e5) {
      f.style.boxSizing = 'content-box';
      f.style.height = `${h}px`;
    }
  });
  // Frames that loaded before this script: ask again.
  for (const f of frames()) f.contentWindow?.postMessage({ type: 'fachkraefte:embed-measure' }, me);
})();
