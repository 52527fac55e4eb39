import { launchWithExtension, waitForIndexReady } from './tests/browser/harness';
const s = await launchWithExtension({ keepWelcome: true });
try {
  await waitForIndexReady(s);
  const w = s.welcomePage!;
  await w.evaluate(() => { (self as any).heard = []; (globalThis as any).chrome.runtime.onMessage.addListener((m: any) => { (self as any).heard.push(m.type); }); });
  const o = await s.extensionPage('options.html');
  const replies = await o.evaluate(async () => { const out = []; for (let i = 0; i < 10; i++) out.push(JSON.stringify(await (globalThis as any).chrome.runtime.sendMessage({ type: i % 2 ? 'index-status' : 'search', query: '外资', limit: 5 })).slice(0, 60)); return out; });
  console.log(replies);
  console.log('welcome heard', await w.evaluate(() => (self as any).heard));
} finally { await s.close({ removeUserDataDir: true }); }
