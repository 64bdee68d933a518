// Offline (the console on the bundled sample): an issue the bot cannot check is still claimed with its step and the
// help offer, marked as not checked; asking for help there tells what would be sent, honestly.
import { describe, expect, it } from 'vitest';
import { exchanges, runConsole } from '../helpers/console.js';

describe('claiming offline an issue outside the sample', () => {
  it('gives the repository step and the help offer, marked as not checked, and asking for help says what happens', async () => {
    const transcript = await runConsole(['/claim kubernetes/website#424242', '1']);
    const [claimed, helped] = exchanges(transcript).map(([, reply]) => reply);
    expect(claimed).toMatch(/\(kubernetes\/website#424242\) is yours to try/);
    expect(claimed).toMatch(/comment \/assign/);
    expect(claimed).toMatch(/Not checked: this offline demo only knows the sample issues/);
    expect(claimed).not.toMatch(/Sample issue \(offline demo\)/);
    expect(claimed).toMatch(/\[1\] I'd like someone to help me/);
    expect(helped).toMatch(/No mentor of Docs is free right now, so I've asked in #sig-docs/);
    // The call for a volunteer is shown where it would go, and nothing else is.
    expect(transcript).toMatch(/\[to #sig-docs\]\nSomeone new is working on kubernetes\/website#424242/);
  });

  it('in French', async () => {
    const [, claimed] = exchanges(await runConsole(['/language fr', '/claim kubernetes/website#424242'])).map(
      ([, r]) => r,
    );
    expect(claimed).toMatch(/Non vérifié : cette démo hors ligne/);
    expect(claimed).toMatch(/J'aimerais être accompagné·e/);
  });
});
