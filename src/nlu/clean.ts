// Prepares chat text for understanding: bounded length, platform markup, mentions and links made neutral.
import { MAX_ANALYSED_CHARS } from './tokenize.js';

/**
 * What is left is plain lowercase prose with placeholders: `@user` for any mention, `<url>` for any
 * link (GitHub issue links become `#num` first, so "can I take <issue link>" reads like "#12").
 * Every pattern here is a single pass without nested repetition, so time stays linear in the input.
 */
export function cleanForUnderstanding(text: string): string {
  return (
    text
      .slice(0, MAX_ANALYSED_CHARS)
      .normalize('NFC')
      // Control and invisible formatting characters (binary input, terminal escapes, bidi overrides).
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ')
      // Fenced and inline code say nothing about what a person wants.
      .replace(/```[^`]*```/g, ' ')
      .replace(/`[^`\n]{60,}`/g, ' ')
      // Markdown emphasis and quoting (before links, whose paths may hold underscores).
      .replace(/[*~]+|^[ \t]*>+/gm, ' ')
      // GitHub issue and pull-request links read as references; every other link is just "a link".
      .replace(
        /<?https?:\/\/(?:www\.)?github\.com\/[\w.-]{1,100}\/[\w.-]{1,100}\/(?:issues|pull)\/\d+[^\s>|]*(?:\|[^>]{0,200})?>?/gi,
        ' #num ',
      )
      .replace(/<?https?:\/\/[^\s>]+(?:\|[^>]{0,200})?>?|<url>/gi, ' <url> ')
      // Slack (<@U123>, <!here>, <#C1|name>), Discord (<@!123>, <#123>, <@&1>) and plain @names.
      .replace(/<[@!#][^>\s]{0,100}>/g, ' @user ')
      .replace(/(^|[^\w.])@[\w.-]{1,60}/g, '$1 @user ')
      .replace(/(?<![\w/])#\d{1,10}\b|\b[\w.-]{1,100}\/[\w.-]{1,100}#\d{1,10}\b/g, ' #num ')
      // Emoji shortcodes and pictographs.
      .replace(/:[a-z0-9_+-]{2,30}:/gi, ' ')
      .replace(/[\p{Extended_Pictographic}\u{1f3fb}-\u{1f3ff}\u{fe0f}]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
