import { render } from 'preact';
import { t, uiLang } from '@/extension/i18n';
import { App } from './App';
import '@/components/theme.css';
import './popup.css';

document.documentElement.lang = uiLang();
document.title = t('extName');
render(<App />, document.getElementById('app')!);
