// Ids of the buttons jobs post and capabilities answer: shared here so neither layer imports the other.

/** A mentor's answer to a request for help, posted by the help desk and answered by /mentor. */
export const MENTOR_ACCEPT = 'mentor.accept';
export const MENTOR_DECLINE = 'mentor.decline';
/** "Share it in the group's channel" on a merge congratulation, answered by the claim capability. */
export const SHARE_BUTTON = 'journey.share';
