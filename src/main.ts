import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/theme.css';

const target = document.getElementById('app');
if (!target) throw new Error('Hearth: #app mount point is missing from index.html');

const app = mount(App, { target });

export default app;
