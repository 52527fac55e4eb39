import { render } from 'preact';
import { t, uiLang } from '@/extension/i18n';
import { App } from './App';
import '@/components/theme.css';
import './library.css';

document.documentElement.lang = uiLang();
document.title = t('libraryTitle');
render(<App />, document.getElementById('app')!);
