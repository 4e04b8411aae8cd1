import { mount } from 'svelte';
import App from './App.svelte';
import { takeToken } from './lib/api';
import { notebook } from './lib/notebook.svelte';
import { applyTheme, loadTheme } from './lib/theme';
import './app.css';
import './quotes.css';
import './compare.css';
import './notes.css';
import './search.css';
import './transfer.css';

// Before anything renders: take the access token out of the address bar and
// set the theme, so the first paint has the right colours.
takeToken();
applyTheme(loadTheme());
// The library's first page is on its way while the app renders.
notebook.prefetch();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });
