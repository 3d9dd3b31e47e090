// A code entered on a shared computer must not stay usable for the next person: a voting session
// ends after this many minutes without a page of the ballot being opened or sent (a voter still
// choosing keeps it). Shared by the session (server) and the notice that explains it (page).
export const VOTING_MINUTES = 30;

// Choices sent after the session ended wait this long for their code to be entered again (the
// cookie lasts until the browser closes; the choices in it are sealed and dated).
export const KEPT_CHOICES_HOURS = 2;
