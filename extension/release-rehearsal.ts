// A test hook, absent from a normal build. `POLICYLENS_RELEASE_TEST=next npx wxt build`
// builds the "next release" of the same code, so a browser test can install it
// over the current one and check that an update keeps every setting and loads
// the new index (tests/browser/never-lose-a-setting.browser.test.ts): the
// bundle's version gains a suffix (a new index to load) and the settings item
// rises one version through extension/settings.ts's migrations, the path a
// real release takes. wxt.config.ts defines the constant ('' in a normal
// build, where the minifier drops every branch that depends on it). The
// rehearsal also carries release notes that matter (extension/release-notes.ts),
// so the update leaves the popup's note on what changed.

declare const __POLICYLENS_RELEASE_TEST__: string | undefined;

/** True only in the rehearsal build of the next release. */
export const NEXT_RELEASE_REHEARSAL: boolean =
  typeof __POLICYLENS_RELEASE_TEST__ === 'string' && __POLICYLENS_RELEASE_TEST__ === 'next';
