/** The recovery page's words, Greek and English; the English set must have every key the Greek one has. */
const el = {
  title: 'Η βάση δεδομένων του Tavli έχει βλάβη',
  lead: 'Ο σταθμός δεν άνοιξε τη βάση δεδομένων, για να μη χαθούν ή αλλοιωθούν παραγγελίες. Δεν δέχεται παραγγελίες μέχρι να γίνει επαναφορά.',
  findings: 'Τι βρήκε ο έλεγχος ακεραιότητας',
  latest: 'Τελευταίο υγιές αντίγραφο ασφαλείας: {name}, {at}.',
  restoreHow: 'Για επαναφορά, συνδεθείτε στον σταθμό και εκτελέστε:',
  keptAside: 'Η τωρινή βάση φυλάσσεται στην άκρη, δεν διαγράφεται.',
  noBackup:
    'Δεν υπάρχει υγιές αντίγραφο ασφαλείας στον σταθμό. Επαναφέρετε ένα από στικ USB (TAVLI-BACKUP) ή από λήψη του πίνακα διαχείρισης με την ίδια εντολή.',
  switchLanguage: 'English',
} as const;

const en: Record<keyof typeof el, string> = {
  title: 'Tavli’s database is damaged',
  lead: 'The station did not open its database, so that no order is lost or altered. It takes no orders until a backup is restored.',
  findings: 'What the integrity check found',
  latest: 'Latest sound backup: {name}, {at}.',
  restoreHow: 'To restore it, sign in to the station and run:',
  keptAside: 'The current database is kept aside, never deleted.',
  noBackup: 'There is no sound backup on the station. Restore one from a USB stick (TAVLI-BACKUP) or a dashboard download with the same command.',
  switchLanguage: 'Ελληνικά',
};

export type RecoveryLanguage = 'el' | 'en';
export const recoveryMessages: Record<RecoveryLanguage, Record<keyof typeof el, string>> = { el, en };
