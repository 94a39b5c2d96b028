import { mount } from 'svelte';
import App from './App.svelte';
import { Session } from './session.svelte';
import './app.css';

const session = new Session();
mount(App, { target: document.getElementById('app')!, props: { session } });
void session.start();
