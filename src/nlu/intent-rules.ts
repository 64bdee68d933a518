// The labelling rules written as logic over cues: who speaks, about what, and which request wins.
import type { Intent } from './types.js';

const any = (cues: Set<string>, names: string[]) => names.some((n) => cues.has(n));

/**
 * The intent the written rules give (most specific request first: claim > find > recommend > how-to).
 * The classifier takes it as one more feature and learns how far to trust it; it is never the answer alone.
 */
export function ruleIntent(list: string[]): Intent {
  const cues = new Set(list);
  const asks = any(cues, ['desire', 'permission', 'assign_me', 'request_to_bot', 'announce_start', 'fr_take']);
  if (cues.has('self_assign')) return 'claim_issue';
  if ((cues.has('bot_command') && !asks) || cues.has('greeting_only')) return 'other';
  const self = asks || cues.has('i_subject') || (cues.has('question') && cues.has('first_person'));
  const voice = [
    'instructs_you',
    'conditional_you',
    'assigned_you',
    'imperative_start',
    'maintainer_action',
    'you_want',
    'you_subject',
    'we_propose',
  ].filter((c) => cues.has(c));
  const maintainer =
    voice.length >= 2 || (voice.length === 1 && !(voice[0] === 'you_subject' && cues.has('i_subject')));
  const seeking = self || cues.has('question');
  const unchosen = any(cues, ['first_issue_words', 'what_to_work_on', 'ask_some_task', 'fr_find']);
  const area = any(cues, [
    'which_area',
    'join_group',
    'area_part',
    'natural_language',
    'fr_area',
    'topic_wish',
    'fr_topic_wish',
  ]);
  // A report on work already taken, or a question about someone else's plans, is not a request.
  const reporting = any(cues, ['progress', 'assigned_you']) && !(cues.has('question') && (unchosen || area));
  // Meetings are logistics (the FAQ knows them) unless someone asks which group to join.
  const logistics = cues.has('meeting') && !cues.has('which_area');
  if ((maintainer && (!asks || voice.length >= 2)) || reporting || logistics) return 'other';
  const howQuestion = any(cues, ['how_to_start', 'fr_how']);
  const specific =
    any(cues, ['assign_me_specific', 'work_on_specific', 'still_free', 'file_name', 'fr_take']) ||
    (cues.has('deictic') &&
      (any(cues, ['permission', 'desire', 'assign_me']) || (self && cues.has('question') && !howQuestion))) ||
    (cues.has('fr_specific') && asks);
  const general = any(cues, ['how_to_start', 'contribute_wish', 'fr_how', 'fr_wish']);
  if (specific && self) return 'claim_issue';
  if (cues.has('assign_me') && !unchosen) return 'claim_issue';
  if (cues.has('announce_start')) return 'claim_issue';
  if (unchosen && seeking) return 'find_issues';
  const whichArea = cues.has('which_area') || cues.has('fr_area');
  if (area && (self || (cues.has('question') && whichArea)) && !(howQuestion && !whichArea)) return 'recommend_sig';
  if (general && seeking) return 'contribute_howto';
  if (cues.has('newcomer') && seeking) return 'contribute_howto';
  return 'other';
}
