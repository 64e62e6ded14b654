export type Theme = 'light' | 'dark';

const KEY = 'console-theme';

/** `?theme=dark|light` wins (handy for screenshots), then the stored choice, then light. */
export const currentTheme = (): Theme => {
  const fromQuery = new URLSearchParams(window.location.search).get('theme');
  if (fromQuery === 'dark' || fromQuery === 'light') {
    return fromQuery;
  }
  return localStorage.getItem(KEY) === 'dark' ? 'dark' : 'light';
};

export const setStoredTheme = (theme: Theme): void => {
  localStorage.setItem(KEY, theme);
};

/** PatternFly 6 dark theme: the class pf-v6-theme-dark on <html>. */
export const applyTheme = (theme: Theme): void => {
  document.documentElement.classList.toggle('pf-v6-theme-dark', theme === 'dark');
};
