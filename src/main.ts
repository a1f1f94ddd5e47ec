import { mount } from 'svelte';
import App from './ui/App.svelte';
import { retentionChore } from './app/privacy/retention-chore.ts';
import './ui/theme.css';

const target = document.getElementById('app');
if (!target) throw new Error('Hearth: #app mount point is missing from index.html');

const app = mount(App, { target });
// What a parent chose not to keep is deleted at start, then daily and when a forget date comes.
retentionChore();

export default app;
