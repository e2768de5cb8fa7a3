/** The composer's few styles (Payload's admin variables), rendered once in a <style> element. */
export const composerCss = `
.composer { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; align-items: start; }
.composer h2 { font-size: 1.1rem; margin: 0; }
.composer-muted { color: var(--theme-elevation-500); font-size: 0.85rem; }
.composer-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.composer-order, .composer-board { list-style: none; padding: 0; margin: 0 0 16px; }
.composer-order__row, .composer-card { display: flex; gap: 8px; align-items: flex-start; padding: 8px;
  margin: 4px 0; background: var(--theme-elevation-50); border: 1px solid var(--theme-elevation-150); border-radius: 4px; }
.composer-card--dragging { opacity: 0.6; }
.composer-card__body { flex: 1; min-width: 0; }
.composer-card__title { display: block; }
.composer-heading { display: flex; gap: 12px; align-items: baseline; margin: 20px 0 4px; padding-bottom: 4px;
  border-bottom: 2px solid var(--theme-elevation-200); }
.composer-handle { cursor: grab; border: 1px solid var(--theme-elevation-250); background: var(--theme-bg);
  border-radius: 3px; padding: 2px 6px; color: var(--theme-text); }
.composer-handle:focus-visible { outline: 2px solid var(--theme-success-500); }
.composer-badges { display: flex; gap: 4px; flex-wrap: wrap; }
.composer-badge { font-size: 0.75rem; padding: 0 6px; border-radius: 8px; background: var(--theme-warning-100);
  color: var(--theme-warning-800); }
.composer-status { text-transform: capitalize; font-weight: 600; }
.composer-brief-line { width: 100%; padding: 4px 6px; border: 1px solid var(--theme-elevation-150);
  background: var(--theme-input-bg); color: var(--theme-text); }
.composer-tools { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 6px 0 12px; }
.composer-tools .btn { margin: 0; }
.composer-reuse { display: flex; gap: 4px; }
.composer-reuse input { padding: 4px 6px; }
.composer-reuse__results { width: 100%; list-style: none; padding: 0; }
.composer-side { position: sticky; top: 16px; display: grid; gap: 12px; max-height: calc(100vh - 32px); overflow: auto; }
.composer-preview { display: grid; gap: 12px; }
.composer-preview iframe { width: 100%; height: 420px; border: 1px solid var(--theme-elevation-150); background: #fff; }
.composer-workflow { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 4px 0; }
.composer-workflow select { padding: 2px 4px; background: var(--theme-input-bg); color: var(--theme-text); }
.composer-card__error { color: var(--theme-error-500); margin: 4px 0; font-weight: 600; }
.composer-live { min-height: 1.5em; font-weight: 600; }
`
