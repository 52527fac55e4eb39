import { render } from 'preact';
import { uiLang } from '@/extension/i18n';
import { App } from './App';
import '@/components/theme.css';
import './popup.css';

document.documentElement.lang = uiLang();
render(<App />, document.getElementById('app')!);
