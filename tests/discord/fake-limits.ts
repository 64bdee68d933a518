// What the fake Discord refuses, as Discord does (400, code 50035): oversized messages, menus and commands.
export type Problems = string[];

const len = (v: unknown) => (typeof v === 'string' ? [...v].length : 0);

function checkComponents(rows: any[], problems: Problems) {
  if (rows.length > 5) problems.push(`components: ${rows.length} rows (max 5)`);
  const ids = new Set<string>();
  const unique = (id: unknown, where: string) => {
    if (typeof id !== 'string' || len(id) < 1 || len(id) > 100)
      problems.push(`${where}.custom_id: must be 1-100 characters`);
    else if (ids.has(id)) problems.push(`${where}.custom_id: duplicate ${id}`);
    else ids.add(id);
  };
  rows.forEach((row, r) => {
    if (row.type !== 1) return problems.push(`components[${r}]: not an action row`);
    const items: any[] = row.components ?? [];
    if (items.length < 1 || items.length > 5) problems.push(`components[${r}]: ${items.length} components (1-5)`);
    const selects = items.filter((c) => c.type === 3);
    if (selects.length > 0 && items.length > 1) problems.push(`components[${r}]: a select must be alone in its row`);
    items.forEach((c, i) => {
      const where = `components[${r}].components[${i}]`;
      if (c.type === 2) {
        if (len(c.label) > 80) problems.push(`${where}.label: max 80`);
        if (c.style !== 5) unique(c.custom_id, where);
      } else if (c.type === 3) {
        unique(c.custom_id, where);
        if (len(c.placeholder) > 150) problems.push(`${where}.placeholder: max 150`);
        const options: any[] = c.options ?? [];
        if (options.length < 1 || options.length > 25) problems.push(`${where}.options: ${options.length} (1-25)`);
        const values = new Set(options.map((o) => o.value));
        if (values.size !== options.length) problems.push(`${where}.options: duplicate values`);
        options.forEach((o, k) => {
          for (const key of ['label', 'value'])
            if (len(o[key]) < 1 || len(o[key]) > 100) problems.push(`${where}.options[${k}].${key}: 1-100`);
          if (len(o.description) > 100) problems.push(`${where}.options[${k}].description: max 100`);
        });
      } else problems.push(`${where}: unexpected component type ${c.type}`);
    });
  });
}

function checkEmbeds(embeds: any[], problems: Problems) {
  if (embeds.length > 10) problems.push(`embeds: ${embeds.length} (max 10)`);
  let total = 0;
  embeds.forEach((e, i) => {
    total += len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name);
    if (len(e.title) > 256) problems.push(`embeds[${i}].title: max 256`);
    if (len(e.description) > 4096) problems.push(`embeds[${i}].description: max 4096`);
    const fields: any[] = e.fields ?? [];
    if (fields.length > 25) problems.push(`embeds[${i}].fields: ${fields.length} (max 25)`);
    fields.forEach((f, k) => {
      total += len(f.name) + len(f.value);
      if (len(f.name) < 1 || len(f.name) > 256) problems.push(`embeds[${i}].fields[${k}].name: 1-256`);
      if (len(f.value) < 1 || len(f.value) > 1024) problems.push(`embeds[${i}].fields[${k}].value: 1-1024`);
    });
  });
  if (total > 6000) problems.push(`embeds: ${total} characters in total (max 6000)`);
}

/** A message body (create, edit, follow-up or interaction response data). */
export function messageProblems(body: any, { partial = false } = {}): Problems {
  const problems: Problems = [];
  if (len(body.content) > 2000) problems.push(`content: ${len(body.content)} characters (max 2000)`);
  checkEmbeds(body.embeds ?? [], problems);
  checkComponents(body.components ?? [], problems);
  const empty = !body.content && !(body.embeds?.length > 0) && !(body.components?.length > 0);
  if (empty && !partial) problems.push('message: cannot send an empty message');
  return problems;
}

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const LOCALES = new Set(['fr', 'en-US', 'en-GB', 'de', 'es-ES', 'it', 'nl', 'pt-BR', 'ja', 'ko', 'zh-CN']);

function checkNamed(item: any, where: string, problems: Problems) {
  if (!NAME.test(item.name ?? '') || item.name !== item.name.toLowerCase())
    problems.push(`${where}.name: invalid "${item.name}"`);
  if (len(item.description) < 1 || len(item.description) > 100) problems.push(`${where}.description: 1-100`);
  for (const [locale, name] of Object.entries(item.name_localizations ?? {})) {
    if (!LOCALES.has(locale)) problems.push(`${where}.name_localizations: unknown locale ${locale}`);
    if (!NAME.test(String(name)) || String(name) !== String(name).toLowerCase())
      problems.push(`${where}.name_localizations.${locale}: invalid`);
  }
  for (const [locale, text] of Object.entries(item.description_localizations ?? {})) {
    if (!LOCALES.has(locale)) problems.push(`${where}.description_localizations: unknown locale ${locale}`);
    if (len(text) < 1 || len(text) > 100) problems.push(`${where}.description_localizations.${locale}: 1-100`);
  }
}

/** A bulk overwrite of application commands. */
export function commandProblems(commands: any[]): Problems {
  const problems: Problems = [];
  if (!Array.isArray(commands)) return ['body: expected an array of commands'];
  if (commands.length > 100) problems.push('too many commands');
  const names = new Set<string>();
  commands.forEach((c, i) => {
    checkNamed(c, `[${i}]`, problems);
    if (names.has(c.name)) problems.push(`[${i}].name: duplicate`);
    names.add(c.name);
    const options: any[] = c.options ?? [];
    if (options.length > 25) problems.push(`[${i}].options: max 25`);
    let optional = false;
    options.forEach((o, k) => {
      checkNamed(o, `[${i}].options[${k}]`, problems);
      if (o.required && optional) problems.push(`[${i}].options[${k}]: required options must come first`);
      if (!o.required) optional = true;
    });
  });
  return problems;
}

export function choiceProblems(choices: any[]): Problems {
  const problems: Problems = [];
  if (choices.length > 25) problems.push(`choices: ${choices.length} (max 25)`);
  choices.forEach((c, i) => {
    if (len(c.name) < 1 || len(c.name) > 100) problems.push(`choices[${i}].name: 1-100`);
    if (len(String(c.value)) > 100) problems.push(`choices[${i}].value: max 100`);
  });
  return problems;
}

/**
 * What Discord refuses in PUT /guilds/{id}/onboarding, written independently of the adapter: at most 15
 * prompts, each with an id (required even for new ones), a title, and 1–50 options; every option with a
 * title, a short description, and at least one role or channel, each of which exists on the server.
 */
export function onboardingProblems(body: any, roleIds: ReadonlySet<string>, channelIds: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const prompts = body?.prompts;
  if (!Array.isArray(prompts)) return ['prompts: expected an array'];
  if (prompts.length > 15) out.push(`prompts: ${prompts.length} > 15`);
  prompts.forEach((p: any, i: number) => {
    if (typeof p.id !== 'string' || !/^\d+$/.test(p.id)) out.push(`prompts.${i}.id: required snowflake`);
    if (typeof p.title !== 'string' || p.title.length < 1 || p.title.length > 100)
      out.push(`prompts.${i}.title: 1-100 characters`);
    if (!Array.isArray(p.options) || p.options.length < 1 || p.options.length > 50)
      out.push(`prompts.${i}.options: 1-50 options`);
    (p.options ?? []).forEach((o: any, j: number) => {
      const at = `prompts.${i}.options.${j}`;
      if (typeof o.title !== 'string' || o.title.length < 1 || o.title.length > 50)
        out.push(`${at}.title: 1-50 characters`);
      if (o.description != null && (typeof o.description !== 'string' || o.description.length > 100))
        out.push(`${at}.description: at most 100 characters`);
      const roles = o.role_ids ?? [];
      const channels = o.channel_ids ?? [];
      if (roles.length + channels.length === 0) out.push(`${at}: needs a role or a channel`);
      for (const r of roles) if (!roleIds.has(r)) out.push(`${at}.role_ids: unknown role ${r}`);
      for (const c of channels) if (!channelIds.has(c)) out.push(`${at}.channel_ids: unknown channel ${c}`);
    });
  });
  return out;
}
