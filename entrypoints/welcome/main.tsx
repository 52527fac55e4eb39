import { render } from 'preact';
import { t, uiLang } from '@/extension/i18n';
import { App } from './App';
import { startSampleLens } from './sample-lens';
import '@/components/theme.css';
import './welcome.css';

document.documentElement.lang = uiLang();
document.title = t('welcomeTitle');
render(<App lens={startSampleLens()} />, document.getElementById('app')!);
