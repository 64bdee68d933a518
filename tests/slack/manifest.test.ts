// manifest.yaml matches the code: a slash command per capability, the events listened to, and only justified scopes.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { capabilities } from '../../src/capabilities/index.js';

interface Manifest {
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    slash_commands: { command: string; description: string; should_escape: boolean }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync('manifest.yaml', 'utf8')) as Manifest;
const readme = readFileSync('README.md', 'utf8');
const slackSection = readme.slice(
  readme.indexOf('## Install on Slack'),
  readme.indexOf('\n## ', readme.indexOf('## Install on Slack') + 5),
);

describe('manifest.yaml', () => {
  it('declares a slash command for every command capability', () => {
    const declared = manifest.features.slash_commands.map((c) => c.command);
    for (const c of capabilities.filter((x) => x.command !== false)) expect(declared, c.id).toContain(`/${c.id}`);
    for (const c of manifest.features.slash_commands) {
      expect(c.description.length, c.command).toBeLessThanOrEqual(100);
      expect(c.should_escape, c.command).toBe(false);
    }
  });

  it('subscribes to exactly the events the adapter listens to', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'link_shared',
      'member_joined_channel',
      'message.channels',
      'message.im',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('requests only the scopes the README justifies, one row each', () => {
    const scopes = manifest.oauth_config.scopes.bot;
    expect(scopes).not.toContain('chat:write.public');
    const justified = [...slackSection.matchAll(/^\| `([a-z:._]+)` \|/gm)].map((m) => m[1]);
    expect([...justified].sort()).toEqual([...scopes].sort());
  });
});
