// History-API routing: links with data-link navigate without a reload.
type Render = (path: string) => Promise<void>;
let render: Render = async () => {};

export function startRouter(r: Render): void {
  render = r;
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest<HTMLAnchorElement>('a[data-link]');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(a.getAttribute('href') ?? '/');
  });
  window.addEventListener('popstate', () => void render(location.pathname));
  void render(location.pathname);
}

export function navigate(path: string): void {
  if (path !== location.pathname) history.pushState(null, '', path);
  void render(path);
}
